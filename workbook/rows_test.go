package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowsCase is a sheet's rows: their cells (nil ones skipped) and heights.
type rowsCase struct {
	cells  [][]excelize.Cell
	height []float64
}

// richRows are cells of every kind the sheets write, and text that needs
// escaping of every sort.
func richRows() rowsCase {
	long := strings.Repeat("é", maxCellText+10)
	return rowsCase{
		cells: [][]excelize.Cell{
			{{Value: "Revenue", StyleID: 3}, {Value: int64(1234567)}, {Value: -0.125, StyleID: 7}, {}, {Value: 42}, {StyleID: 5}},
			{excelize.Cell{Value: " leading and trailing "}, excelize.Cell{Value: "a \"quoted\" <tag> & 'apostrophe'"}, excelize.Cell{Value: "two\nlines\tand\rreturns"}},
			{excelize.Cell{Formula: "SUM(B1:B3)", Value: int64(7)}, excelize.Cell{Formula: `IF(A1>0,"n/a","")`, Value: "n/a"},
				excelize.Cell{Formula: "B2", Value: " spaced "}, excelize.Cell{Formula: "C3"}, excelize.Cell{Formula: `"<&>"`, Value: "<&>\n"}},
			{excelize.Cell{Value: "_x0041_ and _x005F_ and _xZZZZ_"}, excelize.Cell{Value: "bad \x00 byte \xff and \u0001"}, excelize.Cell{Value: true}, excelize.Cell{Value: ""}},
			{excelize.Cell{Value: long}, excelize.Cell{Value: "😀 beyond the basic plane"}, excelize.Cell{Value: 1e21}, excelize.Cell{Value: 123456789012345678.0}},
			nil,
			{{}, {}, {Value: "column C only", StyleID: 2}},
		},
		height: []float64{0, 30, 0, 409, 15, 0, 12.5},
	}
}

// excelizeSheetData is the <sheetData> excelize's stream writer writes for
// the rows.
func excelizeSheetData(t *testing.T, rc rowsCase) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, cells := range rc.cells {
		var opts []excelize.RowOpts
		if rc.height[i] > 0 {
			opts = append(opts, excelize.RowOpts{Height: rc.height[i]})
		}
		values := make([]any, len(cells))
		for j, c := range cells {
			if !blank(c) { // the sheets' blank cell is the stream writer's nil
				values[j] = c
			}
		}
		if err := sw.SetRow(cellName(1, i+1), values, opts...); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return sheetDataOf(t, buf.Bytes())
}

// ownSheetData is the <sheetData> of a workbook whose rows a rowWriter
// wrote and the archive put in place.
func ownSheetData(t *testing.T, rc rowsCase) string {
	t.Helper()
	return sheetDataOf(t, ownWorkbook(t, rc))
}

// ownWorkbook saves an excelize workbook whose first sheet's rows are
// written by a rowWriter, through the archive.
func ownWorkbook(t testing.TB, rc rowsCase) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	w := newRowWriter(zw)
	used := cellRange{}
	for i, cells := range rc.cells {
		s := &sheet{used: used}
		s.mark(i+1, cells)
		used = s.used
		if err := w.row(i+1, cells, rc.height[i]); err != nil {
			t.Fatal(err)
		}
	}
	r, err := w.finish()
	if err != nil {
		t.Fatal(err)
	}
	defer r.data.Close()
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	a := &archive{w: &out, modified: time.Date(2004, 3, 31, 0, 0, 0, 0, time.UTC),
		sheets: map[string]*sheetPart{"xl/worksheets/sheet1.xml": {used: used.String(), rows: r}}, flate: zw}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return a })
	if _, err := f.WriteTo(io.Discard); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

var reSheetData = regexp.MustCompile(`(?s)<sheetData>.*</sheetData>|<sheetData/>`)

// sheetDataOf reads the first sheet's <sheetData> from a saved workbook;
// reading the whole part checks its CRC and its length.
func sheetDataOf(t *testing.T, xlsx []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("sheet1.xml: %v", err)
	}
	return reSheetData.FindString(string(b))
}

// TestRowsAsExcelize: the rows are the XML excelize's stream writer
// writes for the same cells, byte for byte.
func TestRowsAsExcelize(t *testing.T) {
	rc := richRows()
	want, got := excelizeSheetData(t, rc), ownSheetData(t, rc)
	if want == "" || got != want {
		t.Errorf("rows differ from excelize's\n got: %.2000s\nwant: %.2000s", got, want)
	}
	// Text excelize escapes in its own way differs only where excelize
	// loses or misreads it (see TestCellTextReadsBack).
	if !strings.Contains(got, "_x005F_x0041_") {
		t.Error("a literal _x0041_ is not escaped")
	}
}

// TestCellTextReadsBack: whatever a text cell holds, a reader gets it back
// as written (cut to Excel's 32,767 UTF-16 units, characters XML cannot
// hold as U+FFFD), also where excelize's own writer does not: a run of
// "_xHHHH_" sequences sharing their underscores.
func TestCellTextReadsBack(t *testing.T) {
	for _, s := range []string{
		"_x0041_x0042_", "_x005F_x0041_", "__x0041__", "_xD800_", "x_x0041_", "_x004", "plain",
		"ends with _x0041_", " _x0020_ ",
	} {
		checkTextReadsBack(t, s)
	}
}

func FuzzCellText(f *testing.F) {
	for _, s := range []string{"_x0041_x0042_", "a\x00b", "😀", " x ", "<&>", "\r\n", "_xABCD_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTextReadsBack(t, s)
	})
}

// checkTextReadsBack writes s as a text cell, and reads it back with
// excelize. (A formula's cached text is escaped as excelize's writer
// escapes it, which its reader does not undo: TestRowsAsExcelize holds
// it to the writer.)
func checkTextReadsBack(t *testing.T, s string) {
	t.Helper()
	xlsx := ownWorkbook(t, rowsCase{cells: [][]excelize.Cell{{{Value: s}}}, height: []float64{0}})
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	defer f.Close()
	want := readableText(s)
	got, err := f.GetCellValue("Sheet1", "A1")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%q reads back as %q, want %q", s, got, want)
	}
}

// readableText is what a reader should get back from a text cell holding
// s: s cut to 32,767 UTF-16 units, every character XML cannot hold read
// as U+FFFD, and a carriage return (XML reads "\r\n" and "\r" as "\n"
// unless escaped; it is) kept.
func readableText(s string) string {
	var b strings.Builder
	units := 0
	for _, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > maxCellText {
			break
		}
		units += n
		if !xmlChar(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestCRC32Combine: the CRC of two pieces put together is the CRC of
// the whole, at every length and split.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	data := make([]byte, 70000)
	rng.Read(data)
	for _, n := range []int{0, 1, 2, 7, 64, 1000, 65537, 70000} {
		for _, cut := range []int{0, 1, n / 3, n / 2, n - 1, n} {
			if cut < 0 || cut > n {
				continue
			}
			a, b := data[:cut], data[cut:n]
			got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
			if want := crc32.ChecksumIEEE(data[:n]); got != want {
				t.Errorf("length %d cut at %d: %08x, want %08x", n, cut, got, want)
			}
		}
	}
}

// TestSpill: a little stays in memory; more goes to a temporary file,
// which is gone once the spill is closed (on Unix, from the start); what
// comes out is what went in.
func TestSpill(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	for _, n := range []int{0, 10, spillMem, spillMem + 1, 3*spillMem + 17} {
		s := &spill{}
		want := make([]byte, n)
		rand.New(rand.NewSource(int64(n))).Read(want)
		for rest := want; len(rest) > 0; {
			k := min(len(rest), 10000)
			if _, err := s.Write(rest[:k]); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
		if inFile := s.file != nil; inFile != (n > spillMem) {
			t.Errorf("%d bytes: in a file %v", n, inFile)
		}
		var got bytes.Buffer
		if _, err := s.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) || s.size != int64(n) {
			t.Errorf("%d bytes: got %d back (size %d)", n, got.Len(), s.size)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%d bytes: %d temporary files left", n, len(left))
		}
	}
}

// TestRowsInOrder: rows go in order, within a sheet's rows and columns.
func TestRowsInOrder(t *testing.T) {
	zw, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	w := newRowWriter(zw)
	defer w.out.Close()
	if err := w.row(2, []excelize.Cell{{Value: "x"}}, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		row   int
		cells []excelize.Cell
	}{{2, nil}, {1, nil}, {maxRows + 1, nil}, {3, make([]excelize.Cell, maxCols+1)}, {4, []excelize.Cell{{Value: struct{}{}}}}} {
		if err := newRowWriterAt(w, c.row, c.cells); err == nil {
			t.Errorf("row %d with %d cells: no error", c.row, len(c.cells))
		}
	}
}

func newRowWriterAt(w *rowWriter, n int, cells []excelize.Cell) error {
	err := w.row(n, cells, 0)
	w.err = nil
	return err
}
