"""Text tables read in blocks: any block size reads the same rows, and a line in another
encoding spoils only its own row."""
import pytest


@pytest.mark.parametrize("encoding, bad", [("utf-8", "ทด".encode("cp874")),
                                           ("cp874", "ทด".encode("utf-8"))])
@pytest.mark.parametrize("block", [1, 5, 64, 1 << 20])
def test_text_is_read_the_same_in_blocks_of_any_size(tmp_path, monkeypatch, encoding, bad, block):
    """Blocks are cut at line breaks and decoded whole; a block with a line in another
    encoding is decoded line by line, so only that line's row is rejected."""
    from trafficking_db.trafficking_plugin.core.ingest import readers
    lines = ["A,B,C", "1,x,q", '2,"two\nlines",y', "3," + "ก" * 40 + ",z", "4,\r", "5,บ้าน,w"]
    data = "\n".join(lines).encode(encoding).replace(b"x", bad)
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    monkeypatch.setattr(readers, "BLOCK_BYTES", block)
    with readers.open_table(path, encoding) as table:
        table.multiline = frozenset({1})         # B holds free text
        rows = list(table)
    assert [cells for cells, _ in rows] == [
        ["A", "B", "C"], ["1", bad.decode(encoding, errors="replace"), "q"],
        ["2", "two\nlines", "y"], ["3", "ก" * 40, "z"], ["4", ""], ["5", "บ้าน", "w"]]
    assert [problem is not None for _, problem in rows] == [False, True, False, False, False,
                                                             False]


def test_a_quote_left_open_is_its_own_line_and_the_lines_after_it_are_rows(tmp_path, monkeypatch):
    """A record spans lines only in the columns allowed to, over MULTILINE_MAX_LINES at most and
    with the header's number of cells: otherwise its first line is rejected alone and the lines
    after it are read again, each a row."""
    from trafficking_db.trafficking_plugin.core.ingest import readers
    monkeypatch.setattr(readers, "MULTILINE_MAX_LINES", 3)
    lines = ["A,B,C", '1,"note\nover\nthree",x', '2,"open,y', "3,c,z", "4,d,w", '5,e,"v', 'w"',
             '6,"f', 'g,u', 'h"', "7,i,t", '8,"h', 'h",s']
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with readers.open_table(path, "utf-8") as table:
        table.multiline = frozenset({1})
        rows = list(table)
    assert [(cells[0] if cells else None, problem is not None) for cells, problem in rows] == [
        ("A", False), ("1", False),       # three lines in B: allowed
        ("2", True), ("3", False), ("4", False),   # the open quote in B ran past three lines
        ("5", True), ('w"', False),       # a line break in C, which takes one line
        ("6", True), ("g", False), ('h"', False),  # three lines in B, but two cells, not three
        ("7", False), ("8", False)]
    assert rows[1][0][1] == "note\nover\nthree" and rows[11][0][1] == "h\nh"
    assert "line 8:" in rows[5][1] and "line 5:" in rows[2][1] and "not closed" in rows[2][1]


def test_utf8_dbf_text_cut_by_the_field_width_stays_utf8(tmp_path):
    """A UTF-8 DBF whose field width cuts a Thai letter in two: the letters before the cut are
    read as UTF-8, not the whole cell as TIS-620 nonsense."""
    import struct
    from trafficking_db.trafficking_plugin.core.ingest import readers
    width = 10                                   # บ้านนา is 18 bytes of UTF-8
    head = struct.pack("<B3BIHH20x", 3, 124, 1, 1, 2, 32 + 32 + 1, 1 + width)
    head += struct.pack("<11sc4xBB14x", b"NAME", b"C", width, 0) + b"\r"
    cells = ["บ้านนา".encode("utf-8")[:width], "นา".encode("utf-8").ljust(width)]
    path = tmp_path / "t.dbf"
    path.write_bytes(head + b"".join(b" " + c for c in cells) + b"\x1a")
    with readers.open_table(path, "auto") as table:
        rows = list(table)
    assert rows == [(["NAME"], None), (["บ้าน"[:3]], None), (["นา"], None)]


def test_a_dbf_with_its_field_list_cut_short_is_refused(tmp_path):
    import struct
    from trafficking_db.trafficking_plugin.core.ingest import readers
    head = struct.pack("<B3BIHH20x", 3, 124, 1, 1, 1, 32 + 64 + 1, 1 + 4)
    head += struct.pack("<11sc4xBB14x", b"A", b"C", 4, 0) + b"B\x00\x00"   # the second cut
    path = tmp_path / "t.dbf"
    path.write_bytes(head)
    with pytest.raises(readers.ReadError, match="cut short"):
        with readers.open_table(path, "auto") as table:
            list(table)
