"""format_evaluation: the fixed-width table, then the misses in a stable order."""

from __future__ import annotations

from kg.evaluate import ROWS, format_evaluation, score


def test_format_is_a_fixed_width_table_then_the_misses(gold, report) -> None:
    out = format_evaluation(score([gold], [report]))
    lines = out.splitlines()
    assert lines[1].split() == ["row", "P", "R", "F1", "tp", "fp", "fn"]
    assert "officials           0.500  0.500  0.500     1     1     1" in lines
    assert [ln.split()[0] for ln in lines[3:3 + len(ROWS)]] == [r.split()[0] for r in ROWS]
    assert len({len(ln) for ln in lines[1:3 + len(ROWS)]}) == 1
    assert "province           accuracy 1.000 (1/1)" in lines
    misses = lines[lines.index("misses and false hits") + 1:]
    assert misses[0] == "[officials]"
    assert misses[1].startswith("  MISS  r1  Trần Thị Bình  | ")
    assert misses[2].startswith("  FALSE r1  Hoàng Văn Dũng  | ")
