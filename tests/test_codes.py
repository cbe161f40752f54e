"""CAMEO codes, PLOVER intensities and quad codes: data of the ontology, checked for consistency."""

from __future__ import annotations

import pytest

from newskg.export.codes import cameo_code, cameo_table, intensity, quad_code
from newskg.ontology import cameo_to_plover, event_types, modes, quad_class


def test_cameo_codes_intensities_and_quads_come_from_the_ontology() -> None:
    assert len(cameo_table()) > 60
    for etype in event_types():
        score = intensity(etype)
        assert -10 <= score <= 10
        assert (score > 0) == quad_class(etype).endswith("Cooperation"), etype
        assert quad_code(etype) == {"VerbalCooperation": 1, "MaterialCooperation": 2, "VerbalConflict": 3,
                                    "MaterialConflict": 4}[quad_class(etype)]
        for mode in (None, *modes(etype)):
            code = cameo_code(etype, mode)
            assert cameo_to_plover(code) == etype, (etype, mode, code)
    assert cameo_code("CONSULT", "phone") == "041" and cameo_code("CONSULT", "visit") == "042"
    assert cameo_code("PROTEST", "strike") == cameo_code("PROTEST", "boycott") == "143"
    with pytest.raises(KeyError):
        cameo_code("DEMAND")
