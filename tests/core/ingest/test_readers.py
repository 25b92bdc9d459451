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


def filled(rows):
    """Rows that hold something, without their empty cells at the end (readers differ there)."""
    out = []
    for values in rows:
        values = [None if v != v else v for v in values]      # NaN: pandas' empty cell
        while values and values[-1] is None:
            values.pop()
        if values:
            out.append(values)
    return out


def test_the_ods_reader_gives_what_pandas_and_odfpy_gave(tmp_path):
    """The streaming ODS reader replaces pandas/odfpy (which read whole files): same values."""
    import datetime

    import pandas as pd
    from trafficking_db.trafficking_plugin.core.ingest import readers
    frame = pd.DataFrame([["ก ข", 3, 2.5, datetime.datetime(2012, 5, 9), "007", None],
                          [None, None, None, None, None, "far"], [None] * 6,
                          ["  sp  ", -1, 1e-3, datetime.datetime(2020, 1, 2, 10, 30), "", 41038]],
                         columns=list("ABCDEF"))
    path = tmp_path / "t.ods"
    frame.to_excel(path, engine="odf", index=False)
    expected = pd.read_excel(path, engine="odf", header=None, dtype=object)
    with readers.open_table(path) as table:
        rows = list(table)
    assert all(problem is None for _, problem in rows)
    assert filled(cells for cells, _ in rows) == filled(expected.itertuples(index=False, name=None))
    assert rows[1][0][3] == datetime.datetime(2012, 5, 9) and rows[1][0][4] == "007"


def test_the_ods_reader_reads_what_libreoffice_writes(tmp_path):
    """Spaces as <text:s/>, tabs, line breaks and paragraphs kept, notes left out, merged
    (covered) cells and repeated cells counted as columns, times, booleans, header rows."""
    import datetime
    import zipfile
    from trafficking_db.trafficking_plugin.core.ingest import readers
    names = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    text = ('<table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:tab/>'
            'c</text:p><text:p>d<text:line-break/>e</text:p><office:annotation><text:p>note'
            '</text:p></office:annotation></table:table-cell>')
    table = ('<table:table-header-rows><table:table-row><table:table-cell office:value-type='
             '"string" table:number-columns-spanned="2"><text:p>h</text:p></table:table-cell>'
             '<table:covered-table-cell/><table:table-cell office:value-type="string"><text:p>z'
             '</text:p></table:table-cell></table:table-row></table:table-header-rows>'
             f'<table:table-row>{text}<table:table-cell table:number-columns-repeated="2"/>'
             '<table:table-cell office:value-type="time" office:time-value="PT10H30M00S"/>'
             '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
             '<table:table-cell office:value-type="percentage" office:value="0.25"/>'
             '</table:table-row><table:table-row table:number-rows-repeated="2">'
             '<table:table-cell office:value-type="string" office:string-value="v"/>'
             '</table:table-row>')
    path = tmp_path / "lo.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", f'<office:document-content {names}><office:body>'
                         f'<office:spreadsheet><table:table table:name="A">{table}</table:table>'
                         '<table:table table:name="B"><table:table-row><table:table-cell '
                         'office:value-type="string"><text:p>other sheet</text:p>'
                         '</table:table-cell></table:table-row></table:table></office:spreadsheet>'
                         '</office:body></office:document-content>')
    with readers.open_table(path) as table_file:
        assert table_file.format == "ods"
        rows = list(table_file)
    assert rows == [(["h", None, "z"], None),
                    (["a   b\tc\nd\ne", None, None, datetime.time(10, 30), True, 0.25], None),
                    (["v", None, None, None, None, None], None), (["v", None, None, None, None, None], None)]


@pytest.mark.parametrize("block", [16, 64, 1 << 20])
def test_plain_blocks_read_at_once_give_the_rows_the_csv_reader_gives(tmp_path, monkeypatch, block):
    """After the header, plain blocks are read by pandas' C parser in columns; from the first
    block with a quote (or another encoding, or a ragged line) the csv reader takes over. Either
    way the rows, their problems and their order are those of reading the file row by row."""
    from trafficking_db.trafficking_plugin.core.ingest import readers
    lines = (["A;B;C"] + [f"{n}; ก{n} ;x" for n in range(40)] + [";;", "  ;;"]
             + ['41;"two\nlines";y', "42;NA;", "43;#;\\"] + [f"{n};b;c" for n in range(44, 60)]
             + ["60;short", "61;b;c"])
    path = tmp_path / "t.csv"         # the last line in TIS-620: not valid UTF-8
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n62;" + "ข".encode("cp874") + b";z")
    monkeypatch.setattr(readers, "FAST_BLOCK_BYTES", block)
    with readers.open_table(path, "utf-8") as table:
        table.multiline = frozenset({1})
        expected = list(table)[1:]
    with readers.open_table(path, "utf-8") as table:
        table.multiline = frozenset({1})
        rows = iter(table)
        assert next(rows)[0] == ["A", "B", "C"]
        got, blocks = [], 0
        for batch in readers.batches(table, rows):
            if isinstance(batch, readers.ColumnBlock):
                blocks += 1
                got += [(list(cells), None) for cells in zip(*batch.columns)]
            else:
                got += batch
    assert got == expected and len(got) == len(lines)
    assert got[-1][1] is not None and got[-1][0][0] == "62"
    assert (blocks > 0) == (block < 1000)       # one block of the whole file has the quote
    assert got[40] == (["", "", ""], None) and got[42][0] == ["41", "two\nlines", "y"]
