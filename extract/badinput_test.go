package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Small documents, each a variant or a fault, and what must come of it.
func TestBadInputGivesClearErrors(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		err     error  // a fatal error wrapping this
		errText string // or this text in the error
	}{
		{name: "empty", doc: "", err: ErrEmpty},
		{name: "blank", doc: "  \n\n \r\n", err: ErrEmpty},
		{name: "nul", doc: "Net revenues 1,000\n\x00\x01", err: ErrBinary, errText: "line 2"},
		{name: "binary", doc: string([]byte{0x1f, 0x8b, 0x08, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0b, 0x0e, 0x0f, 0x10, 0x11, 0x12}), err: ErrBinary},
		{name: "submission of skipped exhibits", doc: "<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n<TOTAL-ASSETS> 1\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-10.1\n<TEXT>\nLease\n</TEXT>\n</DOCUMENT>\n", errText: "holds no document to read (only EX-27, EX-10.1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "bad.txt")
			if err == nil {
				t.Fatalf("no error; got %d facts", len(f.Facts))
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
			if !strings.HasPrefix(err.Error(), "bad.txt") || !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("error %q should name the file and say %q", err, tt.errText)
			}
		})
	}
}

const incomeTable = `
                          Three Months Ended
                             March 31,
                          2004        2003
Net revenues            $ 1,000     $   900
Cost of revenues            600         500
                        -------     -------
Gross profit                400         400
`

func TestWarningsNameTheLine(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		line int
		msg  string
	}{
		{"invalid UTF-8", "ACME CORP. REPORTS\n\nCaf\xe9 sales rose.\n", 3, "not UTF-8; read as Windows-1252"},
		{"unclosed table", "Results\n\n<TABLE>" + incomeTable, 3, "unclosed <TABLE>"},
		{"nested table", "<TABLE>\nNet revenues  1  2\n<TABLE>" + incomeTable + "</TABLE>\n", 3, "<TABLE> opened inside"},
		{"stray close", "Results\n</TABLE>\n", 2, "</TABLE> without"},
		{"no period", "<TABLE>\n                  Alpha     Beta\nNet revenues     1,000      900\nCost of revenues   600      500\n</TABLE>\n", 1, "2 columns resolve to no period"},
		{"no figures", "<TABLE>\n   Directors\n   Jane Doe\n</TABLE>\n", 1, "table has no figures"},
		{"html no period", "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<html><body>\n<table>\n<tr><td></td><td>Alpha</td><td>Beta</td></tr>\n" +
			"<tr><td>Net revenues</td><td>1,000</td><td>900</td></tr>\n<tr><td>Cost of revenues</td><td>600</td><td>500</td></tr>\n" +
			"<tr><td>Gross profit</td><td>400</td><td>400</td></tr>\n</table></body></html>\n</TEXT>\n</DOCUMENT>\n",
			5, "2 columns resolve to no period"},
		{"loss printed positive", "<TABLE>\n                  Year Ended December 31,\n                   2003       2002\nNet loss          1,000        900\n</TABLE>\n", 4, "names a loss but is printed positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "w.txt")
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Diagnostics {
				if d.Line == tt.line && strings.Contains(d.Msg, tt.msg) {
					if !strings.HasPrefix(d.Error(), "w.txt:"+strconv.Itoa(tt.line)+": warning: ") {
						t.Errorf("diagnostic prints as %q", d.Error())
					}
					return
				}
			}
			t.Errorf("no warning %q at line %d; got %v", tt.msg, tt.line, f.Diagnostics)
		})
	}
}

// Extraction goes on past a bad table: the good table after it is read.
func TestExtractionContinuesPastABadTable(t *testing.T) {
	doc := "<TABLE>\n                  Alpha     Beta\nNet revenues     1,000      900\n</TABLE>\n\n<TABLE>" + incomeTable + "</TABLE>\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "two.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(f.Tables))
	}
	// The bad table's figures are kept, without a period.
	if n := len(f.Tables[0].Rows[0].Cells); n != 2 {
		t.Errorf("bad table kept %d figures, want 2", n)
	}
	gp := f.Tables[1].Rows[2]
	if gp.Label != "Gross profit" || gp.Cells[0].Value.String() != "400" || f.Tables[1].Columns[0].Period.String() != "3 months to 2004-03-31" {
		t.Errorf("second table read wrong: %+v %v", gp, f.Tables[1].Columns[0].Period)
	}
}

func TestScaleNotes(t *testing.T) {
	tests := []struct {
		note         string
		scale        string
		scaleShares  bool
		sharesValue  string
		perShareWant string
	}{
		{"(in thousands, except per share data)", "1000", true, "5012000", "0.09"},
		{"(In thousands, except share and per share data)", "1000", false, "5012", "0.09"},
		{"(Dollars in millions, except per-share amounts)", "1000000", true, "5012000000", "0.09"},
		{"($000 omitted)", "1000", true, "5012000", "0.09"},
		{"In FRF thousands", "1000", true, "5012000", "0.09"},
		{"", "1", true, "5012", "0.09"},
	}
	for _, tt := range tests {
		t.Run(tt.note, func(t *testing.T) {
			doc := "<TABLE>\n" + tt.note + `
                          Three Months Ended
                             March 31,
                          2004        2003
Net revenues            $ 1,000     $   900
Net income per share    $  0.09     $  0.08
Weighted average shares   5,012       5,000
</TABLE>
`
			f, err := (&Parser{}).Parse(strings.NewReader(doc), "s.txt")
			if err != nil {
				t.Fatal(err)
			}
			tb := f.Tables[0]
			if tb.Scale.String() != tt.scale || tb.ScaleShares != tt.scaleShares {
				t.Errorf("scale %s shares %v, want %s %v", tb.Scale, tb.ScaleShares, tt.scale, tt.scaleShares)
			}
			if got := tb.Rows[2].Cells[0].Value.String(); got != tt.sharesValue {
				t.Errorf("shares %s, want %s", got, tt.sharesValue)
			}
			if got := tb.Rows[1].Cells[0].Value.String(); got != tt.perShareWant {
				t.Errorf("per share %s, want %s", got, tt.perShareWant)
			}
		})
	}
}

func TestMaxSize(t *testing.T) {
	_, err := (&Parser{MaxSize: 10}).Parse(bytes.NewReader(make([]byte, 11)), "big.txt")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("error %v, want ErrTooLarge naming the file", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, doc := range checkedDocs {
		raw, err := readFileT(doc)
		if err == nil {
			f.Add(raw)
		}
	}
	f.Add([]byte("<TABLE>" + incomeTable))
	f.Add([]byte("<TABLE>\n<S> <C>\n$ (1) --\n</TABLE>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fl, err := (&Parser{}).Parse(bytes.NewReader(raw), "fuzz.txt")
		if errors.Is(err, ErrInternal) {
			t.Fatalf("panic inside the parser: %v", err)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, x := range fl.Facts {
			if x.Source.Line < 1 {
				t.Fatalf("fact without a line: %+v", x)
			}
		}
	})
}

// Thousands of tables that repeat one period with different figures give
// one warning a table, at most maxDuplicateWarnings of them, then a count:
// the warnings grow with the file, not with the square of its tables.
func TestRepeatedTablesWarnBoundedly(t *testing.T) {
	var b strings.Builder
	b.WriteString("Acme Widgets Inc. reports.\n\n")
	const tables = 300
	for i := 0; i < tables; i++ {
		fmt.Fprintf(&b, "                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n                          2004        2003\n")
		fmt.Fprintf(&b, "Net revenues             %5d       1,000\nNet income                 100          90\n</TABLE>\n\n", 1000+i)
	}
	f, err := (&Parser{}).Parse(strings.NewReader(b.String()), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	repeats, more := 0, ""
	for _, d := range f.Diagnostics {
		switch {
		case strings.Contains(d.Msg, "this table repeats the periods"):
			repeats++
		case strings.Contains(d.Msg, "more tables that repeat periods"):
			more = d.Msg
		}
	}
	if repeats != maxDuplicateWarnings || !strings.Contains(more, fmt.Sprintf("%d more", tables-1-maxDuplicateWarnings)) {
		t.Errorf("%d repeat warnings and %q, want %d and a count of the other %d", repeats, more, maxDuplicateWarnings, tables-1-maxDuplicateWarnings)
	}
}

// Figures a spreadsheet cannot hold, or holds rounded, are said so.
func TestHugeFiguresWarn(t *testing.T) {
	doc := "<TABLE>\n                  Year Ended December 31,\n                   2003       2002\n" +
		"Net revenues      " + strings.Repeat("9", 320) + "        900\n" +
		"Cost of revenues  1234567890123456789        500\n</TABLE>\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	var beyond, precise bool
	for _, d := range f.Diagnostics {
		beyond = beyond || d.Line == 4 && strings.Contains(d.Msg, "beyond what a spreadsheet holds")
		precise = precise || d.Line == 5 && strings.Contains(d.Msg, "more than 15 significant digits")
	}
	if !beyond || !precise {
		t.Errorf("warnings %v: want one for the 320-digit figure at line 4 and one for the 19-digit figure at line 5", f.Diagnostics)
	}
}

// A file over the size limit is refused from its size, before it is read.
func TestOversizeFileRefusedUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if err := fh.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Skip(err)
	}
	_, err = (&Parser{MaxSize: 1 << 20}).Parse(fh, "big.txt")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "209715200 bytes") {
		t.Errorf("err %v, want too large, naming its size", err)
	}
	if off, _ := fh.Seek(0, io.SeekCurrent); off != 0 {
		t.Errorf("read %d bytes of a file refused for its size", off)
	}
}

// A release that names no company still has its dateline and date.
func TestDatelineWithoutACompany(t *testing.T) {
	f, err := (&Parser{}).Parse(strings.NewReader("RECORD YEAR FOR THE GROUP\n\nDALLAS, March 5, 2002 -- Sales rose 5% to $12.4 million.\n"), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.ReleaseDate.Format("2006-01-02"); got != "2002-03-05" {
		t.Errorf("release date %s, want 2002-03-05", got)
	}
}
