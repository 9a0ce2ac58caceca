package textgrid

import (
	"strings"
	"testing"

	"finexport/extract/grid"
)

func linesOf(doc string) []Line {
	var out []Line
	for i, s := range strings.Split(doc, "\n") {
		out = append(out, Line{N: i + 1, Text: s})
	}
	return out
}

// headersOf returns, for each column, the head phrases over it, top to
// bottom, joined by " / ".
func headersOf(t grid.Table) []string {
	out := make([]string, t.Columns)
	for _, r := range t.Head {
		for _, c := range r.Cells {
			for col := max(c.First, 0); col <= c.Last; col++ {
				if out[col] != "" {
					out[col] += " / "
				}
				out[col] += c.Text
			}
		}
	}
	return out
}

func TestReadLaysOutHeadersAndFigures(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		headers []string // per column
		body    map[int][]string
	}{
		{
			name: "spanning header over two columns, years below",
			doc: "<TABLE>\n" +
				"                          Three Months Ended\n" +
				"                          1998          1997\n" +
				"<S>                       <C>           <C>\n" +
				"Net sales               $ 2,167       $ 2,559\n" +
				"</TABLE>",
			headers: []string{"Three Months Ended / 1998", "Three Months Ended / 1997"},
			body:    map[int][]string{5: {"$ 2,167", "$ 2,559"}},
		},
		{
			name: "a year row with a scale note on its left is a header",
			doc: "<TABLE>\n" +
				"(In millions--except per share amounts)     1994        1993\n" +
				"Net revenues                              $11,521     $ 8,782\n" +
				"</TABLE>",
			headers: []string{"1994", "1993"},
			body:    map[int][]string{3: {"$11,521", "$ 8,782"}},
		},
		{
			name: "two dates one space apart head two columns; words two spaces apart are one phrase",
			doc: "<TABLE>\n" +
				"                  Three  Months  Ended\n" +
				"                  March 28, March 29,\n" +
				"                     1997      1996\n" +
				"Net sales          $1,601    $2,185\n" +
				"</TABLE>",
			headers: []string{"Three Months Ended / March 28, / 1997", "Three Months Ended / March 29, / 1996"},
			body:    map[int][]string{5: {"$1,601", "$2,185"}},
		},
		{
			name: "years with footnote marks",
			doc: "<TABLE>\n" +
				"                       June 30        Dec. 31\n" +
				"                        1997          1997(1)\n" +
				"Cash                  $ 8,966        $10,105\n" +
				"</TABLE>",
			headers: []string{"June 30 / 1997", "Dec. 31 / 1997(1)"},
			body:    map[int][]string{4: {"$ 8,966", "$10,105"}},
		},
		{
			name: "a rule under a phrase shows how many columns it spans",
			doc: "<TABLE>\n" +
				"                                      Years Ended\n" +
				"                   -----------------------------------------------\n" +
				"                     July 28,         July 30,           July 31,\n" +
				"                      1996              1995               1994\n" +
				"<S>                <C>               <C>                <C>\n" +
				"Net income         $ 913,324         $ 456,489          $ 322,981\n" +
				"</TABLE>",
			headers: []string{"Years Ended / July 28, / 1996", "Years Ended / July 30, / 1995", "Years Ended / July 31, / 1994"},
			body:    map[int][]string{7: {"$ 913,324", "$ 456,489", "$ 322,981"}},
		},
		{
			name: "a rule under a row of phrases closes the header and spans nothing",
			doc: "<TABLE>\n" +
				"                   FIRST       FIRST                         FOURTH\n" +
				"                  QUARTER     QUARTER      CHANGE            QUARTER\n" +
				"                   2000        1999                           1999\n" +
				"                  -------------------------------------------------\n" +
				"Net sales         $2,343      $1,710         37%             $1,336\n" +
				"</TABLE>",
			headers: []string{"FIRST / QUARTER / 2000", "FIRST / QUARTER / 1999", "CHANGE", "FOURTH / QUARTER / 1999"},
			body:    map[int][]string{6: {"$2,343", "$1,710", "37%", "$1,336"}},
		},
		{
			name: "a figure a long label pushes against with one space, in its column",
			doc: "<TABLE>\n" +
				"                                               1998         1997\n" +
				"<S>                                           <C>          <C>\n" +
				"  Minorities' interests in earnings              11           30\n" +
				"  Undistributed equity in affiliated companies (9)          (23)\n" +
				"  Options outstanding at $ .11-$ 8.79                        537\n" +
				"</TABLE>",
			headers: []string{"1998", "1997"},
			body:    map[int][]string{4: {"11", "30"}, 5: {"(9)", "(23)"}, 6: {"537"}},
		},
		{
			name: "<CAPTION> on the line of <TABLE>",
			doc: "<TABLE><CAPTION>\n" +
				"June 30,                    1996          1995\n" +
				"<S>                         <C>           <C>\n" +
				"Cash                     $  314,416    $  313,612\n" +
				"</TABLE>",
			headers: []string{"1996", "1995"},
			body:    map[int][]string{4: {"$ 314,416", "$ 313,612"}},
		},
		{
			name: "dot leaders touching the dollar sign",
			doc: "<TABLE>\n" +
				"                                  1998      1997\n" +
				"Net sales.....................$7,759    $6,100\n" +
				"</TABLE>",
			headers: []string{"1998", "1997"},
			body:    map[int][]string{3: {"$7,759", "$6,100"}},
		},
		{
			name: "a header phrase far from a column does not head it",
			doc: "<TABLE>\n" +
				"                                                          Three Months\n" +
				"                       Year Ended December 31,               Ended\n" +
				"                        1996      1997      1998       1998      1999\n" +
				"Net income             $ (69)    $(237)    $ (58)     $ 112     $(423)\n" +
				"</TABLE>",
			headers: []string{"Year Ended December 31, / 1996", "Year Ended December 31, / 1997", "Year Ended December 31, / 1998",
				"Three Months / Ended / 1998", "Three Months / Ended / 1999"},
			body: map[int][]string{5: {"$ (69)", "$(237)", "$ (58)", "$ 112", "$(423)"}},
		},
		{
			name: "an underline groups the columns its header heads, however near another header stands",
			doc: "<TABLE>\n" +
				"                                       Three Months Ended\n" +
				"        Year Ended December 31,            March 31,\n" +
				"      ----------------------------   ----------------------\n" +
				"       1996      1997       1998        1998         1999\n" +
				"Net     $3,259    $6,424   $ 5,007        $1,184    $  (849)\n" +
				"</TABLE>",
			headers: []string{"Year Ended December 31, / 1996", "Year Ended December 31, / 1997", "Year Ended December 31, / 1998",
				"Three Months Ended / March 31, / 1998", "Three Months Ended / March 31, / 1999"},
			body: map[int][]string{6: {"$3,259", "$6,424", "$ 5,007", "$1,184", "$ (849)"}},
		},
		{
			name: "a header beside another's underline heads none of that one's columns",
			doc: "<TABLE>\n" +
				"                                 December 31,\n" +
				"                             ---------------------    March 31,\n" +
				"                               1997        1998         1999\n" +
				"Cash                         $ 7,748     $ 4,952       $   862\n" +
				"</TABLE>",
			headers: []string{"December 31, / 1997", "December 31, / 1998", "March 31, / 1999"},
			body:    map[int][]string{5: {"$ 7,748", "$ 4,952", "$ 862"}},
		},
		{
			name: "a rule running from the margin is a separator, not an underline",
			doc: "<TABLE>\n" +
				"                                   Quarter Ended                   Year Ended\n" +
				"---------------------------------------------------------------------------------------\n" +
				"                           Dec. 26,       Sept. 26,       Dec. 26,      Dec. 27,\n" +
				"                            1999           1999            1999          1998\n" +
				"Net sales             $   968,710    $   662,192     $ 2,857,604   $ 2,542,141\n" +
				"</TABLE>",
			headers: []string{"Quarter Ended / Dec. 26, / 1999", "Quarter Ended / Sept. 26, / 1999", "Year Ended / Dec. 26, / 1999", "Year Ended / Dec. 27, / 1998"},
			body:    map[int][]string{6: {"$ 968,710", "$ 662,192", "$ 2,857,604", "$ 2,542,141"}},
		},
		{
			name: "a line of a few dashes alone is the wrapped end of a rule, not a row of nil figures",
			doc: "<TABLE>\n" +
				"                                   March 31, 1999\n" +
				"                      ----------------------------------------------\n" +
				"---\n" +
				"                             eBay        Acquired      Combined\n" +
				"Cash                     $  24,850     $   4,300     $  29,150\n" +
				"</TABLE>",
			headers: []string{"March 31, 1999 / eBay", "March 31, 1999 / Acquired", "March 31, 1999 / Combined"},
			body:    map[int][]string{6: {"$ 24,850", "$ 4,300", "$ 29,150"}},
		},
		{
			name: "a word naming no period over one column heads that column alone",
			doc: "<TABLE>\n" +
				"                                  Three months ended March 31\n" +
				"                                                        Percent\n" +
				"                                2000         1999*       Change\n" +
				"Hardware                     $ 7,712       $ 8,751       -11.9%\n" +
				"</TABLE>",
			headers: []string{"Three months ended March 31 / 2000", "Three months ended March 31 / 1999*", "Three months ended March 31 / Percent / Change"},
			body:    map[int][]string{5: {"$ 7,712", "$ 8,751", "-11.9%"}},
		},
		{
			name: "a year row with change words between its years; the rule closing the head is no underline",
			doc: "<TABLE>\n" +
				"                                                Three Months Ended October 31,\n" +
				"                                               1997         Change          1998\n" +
				"                                              ----------------------------------\n" +
				"     (Dollars in millions)\n" +
				"     Selling & marketing.....................  $32.0            41%          $45.1\n" +
				"</TABLE>",
			headers: []string{"Three Months Ended October 31, / 1997", "Three Months Ended October 31, / Change", "Three Months Ended October 31, / 1998"},
			body:    map[int][]string{6: {"$32.0", "41%", "$45.1"}},
		},
		{
			name: "change words with letters beyond ASCII stay whole",
			doc: "<TABLE>\n" +
				"                                                Three Months Ended October 31,\n" +
				"                                               1997       Variación         1998\n" +
				"                                              ----------------------------------\n" +
				"     Selling & marketing.....................  $32.0            41%          $45.1\n" +
				"</TABLE>",
			headers: []string{"Three Months Ended October 31, / 1997", "Three Months Ended October 31, / Variación", "Three Months Ended October 31, / 1998"},
			body:    map[int][]string{5: {"$32.0", "41%", "$45.1"}},
		},
		{
			name: "a rule with only a stub note below it closes the head: it groups nothing",
			doc: "<TABLE>\n" +
				"                                       Pro Forma\n" +
				"                                       ----------------------------\n" +
				"     (Dollars in millions)\n" +
				"Revenue                                $   100.0          $  200.0\n" +
				"</TABLE>",
			headers: []string{"Pro Forma", ""},
			body:    map[int][]string{5: {"$ 100.0", "$ 200.0"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, _ := Read(linesOf(tt.doc), func(n int, msg string) { t.Logf("line %d: %s", n, msg) })
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			tb := tables[0]
			if got := headersOf(tb); strings.Join(got, " | ") != strings.Join(tt.headers, " | ") {
				t.Errorf("headers\n got %q\nwant %q", got, tt.headers)
			}
			found := 0
			for _, r := range tb.Body {
				want, ok := tt.body[r.Line]
				if !ok {
					continue
				}
				found++
				var got []string
				for _, c := range r.Cells {
					got = append(got, c.Text)
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("line %d: cells %q, want %q", r.Line, got, want)
				}
				if len(r.Cells) == len(want) && r.Cells[len(r.Cells)-1].First != tb.Columns-1 {
					t.Errorf("line %d: last figure in column %d of %d", r.Line, r.Cells[len(r.Cells)-1].First, tb.Columns)
				}
			}
			if found != len(tt.body) {
				t.Errorf("%d of the %d expected rows of figures were read", found, len(tt.body))
			}
		})
	}
}

func TestUntaggedStatementRunsOnAcrossHeadingsAndStopsAtTheNextTitle(t *testing.T) {
	doc := strings.Join([]string{
		"                         CONSOLIDATED BALANCE SHEETS",
		"                                     September      December",
		"                                     30, 1998       31, 1997",
		"Cash and cash equivalents           $  903,726    $  954,595",
		"Notes receivable, net                   32,927        20,013",
		"  Total assets                      $4,255,269    $3,490,109",
		"",
		"LIABILITIES AND STOCKHOLDERS' EQUITY",
		"Current liabilities:",
		"  Current portion of long-term",
		"obligations                         $   28,216    $    7,665",
		"  Accounts payable                     219,249       187,117",
		"",
		"                     - 1 -",
		"<PAGE>",
		"                    CONSOLIDATED STATEMENTS OF INCOME",
		"                                         1998          1997",
		"Revenues                             1,002,541       732,570",
		"Cost of sales                          478,187       361,220",
	}, "\n")
	tables, _ := Read(linesOf(doc), func(int, string) {})
	if len(tables) != 2 {
		t.Fatalf("%d tables, want 2 (the balance sheet across its headings, then the income statement)", len(tables))
	}
	if tables[0].End != 12 || tables[1].Start < 16 || tables[1].Start > 17 || tables[1].End != 19 {
		t.Errorf("balance sheet lines %d-%d, income statement %d-%d; want to 12, and 16 or 17 to 19", tables[0].Start, tables[0].End, tables[1].Start, tables[1].End)
	}
	for _, r := range tables[0].Body {
		if r.Line == 14 && r.Kind == grid.Figures {
			t.Error("the page number - 1 - was read as figures")
		}
	}
}

func TestUntaggedHeaderStandsTwoBlankLinesAboveTheFigures(t *testing.T) {
	doc := strings.Join([]string{
		"                CONSOLIDATED STATEMENTS OF INCOME",
		"                    (in thousands)",
		"",
		"                 For the Three Months Ended",
		"                  September    September",
		"                  30, 1998     30, 1997",
		"   ",
		"",
		"Net sales        $  945,806   $  713,949",
		"Cost of sales       478,187      391,278",
	}, "\n")
	tables, _ := Read(linesOf(doc), func(int, string) {})
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	var head []string
	for _, r := range tables[0].Head {
		head = append(head, r.Text)
	}
	if got := strings.Join(head, " / "); !strings.Contains(got, "30, 1998     30, 1997") {
		t.Errorf("head rows %q lack the column headers", got)
	}
}

func TestUntaggedRowWhoseLabelFillsItsLeaderStaysInTheTable(t *testing.T) {
	doc := strings.Join([]string{
		"                                   Three Months Ended    Six Months Ended",
		"                                    1999       1998       1999       1998",
		"Operating expenses",
		"  Employee-related expenses.....      58.4       56.7      114.8      112.0",
		"  Depreciation and amortization.      56.0       51.9      111.0      103.5",
		"  Other operating expenses......     104.8      105.0      207.1      196.7",
		"Operating income................     129.7      113.7      250.2      233.3",
	}, "\n")
	tables, _ := Read(linesOf(doc), func(int, string) {})
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	if tables[0].Start != 1 || tables[0].End != 7 {
		t.Errorf("table lines %d-%d, want 1-7", tables[0].Start, tables[0].End)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("<TABLE>\n            1998    1997\nNet sales  $1,601  $2,185\n</TABLE>")
	f.Add("Cash   1  2\nTotal  3  4\n- 1 -\n<PAGE>\nStatement of income\n 1998 1997\n")
	f.Add("<TABLE>\n  March 28, March 29,\n  Three  Months  Ended\nx.........$1 2\n")
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 1<<15 {
			return
		}
		tables, _ := Read(linesOf(doc), func(int, string) {})
		for _, tb := range tables {
			for _, r := range append(append([]grid.Row(nil), tb.Head...), tb.Body...) {
				for _, c := range r.Cells {
					if c.Last >= tb.Columns || c.First > c.Last && c.First >= 0 {
						t.Fatalf("cell %q covers columns %d-%d of %d", c.Text, c.First, c.Last, tb.Columns)
					}
				}
			}
		}
	})
}
