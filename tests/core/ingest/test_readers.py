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
        rows = list(table)
    assert [cells for cells, _ in rows] == [
        ["A", "B", "C"], ["1", bad.decode(encoding, errors="replace"), "q"],
        ["2", "two\nlines", "y"], ["3", "ก" * 40, "z"], ["4", ""], ["5", "บ้าน", "w"]]
    assert [problem is not None for _, problem in rows] == [False, True, False, False, False,
                                                             False]
