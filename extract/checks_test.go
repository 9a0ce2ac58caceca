package extract

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"finexport/extract/grid"

	"github.com/shopspring/decimal"
)

var checkedDocs = []string{
	"../testdata/filings/000_bb2e246abcbfccf3.txt",
	"../testdata/filings/001_0a551a66bcd04f48.txt",
	"../testdata/filings/002_841493e996f58f0e.txt",
	"../testdata/variants/acme_dec_thousands_crlf_cp1252.txt",
	"../testdata/variants/brightwater_submission_52week_millions.txt",
	"../testdata/variants/sunrise_52week_q1.txt",
}

func TestAllChecksPass(t *testing.T) {
	for _, doc := range checkedDocs {
		f := parseFile(t, doc)
		for _, c := range f.Checks {
			if c.Status == Fail {
				t.Errorf("%s: %s %s failed: stated %s computed %s tolerance %s", doc, c.Name, c.Period, c.Stated, c.Computed, c.Tolerance)
			}
		}
	}
}

// TestTieOutsCount pins how many tie-outs pass on each statement sample: a
// check that silently stopped running (or was listed as not run) would
// pass TestAllChecksPass.
func TestTieOutsCount(t *testing.T) {
	want := map[string]int{
		// 4 income columns x (gross profit, opex, net income, 2 EPS) +
		// 2 balance columns x (current assets, total assets, current
		// liabilities, liabilities and equity, balance).
		"../testdata/filings/000_bb2e246abcbfccf3.txt": 4*5 + 2*5,
		"../testdata/filings/001_0a551a66bcd04f48.txt": 4*5 + 2*5,
		"../testdata/filings/002_841493e996f58f0e.txt": 0,
	}
	for doc, n := range want {
		got := 0
		for _, c := range parseFile(t, doc).Checks {
			if c.Kind == TieOut && c.Status == Pass {
				got++
			}
		}
		if got != n {
			t.Errorf("%s: %d tie-outs, want %d", doc, got, n)
		}
	}
}

// alter returns a document with old replaced by new on one line.
func alter(t *testing.T, doc string, line int, old, new string) []byte {
	t.Helper()
	raw, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(raw, []byte("\n"))
	if !bytes.Contains(lines[line-1], []byte(old)) {
		t.Fatalf("%s:%d does not hold %q", doc, line, old)
	}
	lines[line-1] = bytes.Replace(lines[line-1], []byte(old), []byte(new), 1)
	return bytes.Join(lines, []byte("\n"))
}

func parseBytesT(t *testing.T, raw []byte, name string) *Filing {
	t.Helper()
	f, err := (&Parser{}).Parse(bytes.NewReader(raw), name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Each tie-out is shown to fail when one of its figures is altered.
func TestTieOutsFailWhenAFigureIsAltered(t *testing.T) {
	const s000 = "../testdata/filings/000_bb2e246abcbfccf3.txt"
	const s001 = "../testdata/filings/001_0a551a66bcd04f48.txt"
	const acme = "../testdata/variants/acme_dec_thousands_crlf_cp1252.txt"
	const bw = "../testdata/variants/brightwater_submission_52week_millions.txt"
	tests := []struct {
		doc      string
		line     int
		old, new string
		check    string
	}{
		{s000, 104, "1,698,000", "1,699,000", "Gross profit"},
		{s000, 113, "748,000", "749,000", "Total operating expenses"},
		{s000, 117, "8,000", "9,000", "Net income (loss)"},
		{s000, 122, "($0.03)", "($0.05)", "EPS basic"},
		{s000, 122, "($0.03)", "($0.05)", "EPS diluted"},
		{s000, 143, "2,832,000", "2,833,000", "Total current assets"},
		{s000, 150, "53,000", "54,000", "Total assets"},
		{s000, 159, "1,100,000", "1,101,000", "Total current liabilities"},
		{s000, 165, "12,365,000", "12,366,000", "Total liabilities and equity"},
		{s000, 168, "$14,659,000", "$14,660,000", "Balance sheet balances"},
		{s001, 177, "754,000", "755,000", "Total operating expenses"},
		{s001, 128, "$12,791,000", "$12,792,000", "Total assets"},
		{acme, 41, "747", "757", "Operating income (loss)"},
		{acme, 46, "681", "691", "Income before income taxes"},
		{acme, 47, "245", "255", "Net income (loss)"},
		{bw, 127, "12.3", "13.3", "Net change in cash"},
		{bw, 103, "169.2", "170.2", "Total current liabilities"},
	}
	for _, tt := range tests {
		t.Run(tt.check+"/"+tt.old, func(t *testing.T) {
			f := parseBytesT(t, alter(t, tt.doc, tt.line, tt.old, tt.new), "altered.txt")
			failed := false
			for _, c := range f.Checks {
				if c.Name == tt.check && c.Status == Fail && citesLine(c, tt.line) {
					failed = true
				}
			}
			if !failed {
				t.Errorf("altering line %d did not fail %q", tt.line, tt.check)
			}
		})
	}
}

func citesLine(c Check, line int) bool {
	for _, s := range c.Sources {
		if s.Line == line {
			return true
		}
	}
	return false
}

// The prose claims of the samples, typed by hand from the sentences: each
// is linked to its table figure and passes.
func TestProseClaimsLinkAndPass(t *testing.T) {
	type claimWant struct {
		line   int
		name   string
		period string
		stated string
	}
	want := map[string][]claimWant{
		"../testdata/filings/000_bb2e246abcbfccf3.txt": {
			{9, "Prose: Revenue % change from 2002-12-31", "3 months to 2003-12-31", "0.06"},
			{9, "Prose: Revenue", "3 months to 2003-12-31", "2500000"},
			{10, "Prose: Revenue", "3 months to 2002-12-31", "2350000"},
			{11, "Prose: Revenue % change from 2002-12-31", "6 months to 2003-12-31", "0.05"},
			{11, "Prose: Revenue", "6 months to 2003-12-31", "4643000"},
			{12, "Prose: Revenue", "6 months to 2002-12-31", "4403000"},
			{13, "Prose: Gross profit", "3 months to 2003-12-31", "802000"},
			{13, "Prose: Gross profit as % of Revenue", "3 months to 2003-12-31", "0.32"},
			{14, "Prose: Gross profit", "3 months to 2002-12-31", "412000"},
			{14, "Prose: Gross profit as % of Revenue", "3 months to 2002-12-31", "0.18"},
			{15, "Prose: Gross profit", "6 months to 2003-12-31", "1391000"},
			{16, "Prose: Gross profit as % of Revenue", "6 months to 2003-12-31", "0.3"},
			{16, "Prose: Gross profit", "6 months to 2002-12-31", "768000"},
			{16, "Prose: Gross profit as % of Revenue", "6 months to 2002-12-31", "0.17"},
			{18, "Prose: Net income (loss)", "3 months to 2003-12-31", "-1223000"},
			{18, "Prose: Net income (loss) per share, basic", "3 months to 2003-12-31", "-0.03"},
			{18, "Prose: Net income (loss) per share, diluted", "3 months to 2003-12-31", "-0.03"},
			{19, "Prose: Net income (loss)", "3 months to 2002-12-31", "-1584000"},
			{19, "Prose: Net income (loss) per share, basic", "3 months to 2002-12-31", "-0.04"},
			{19, "Prose: Net income (loss) per share, diluted", "3 months to 2002-12-31", "-0.04"},
			{21, "Prose: Net income (loss)", "6 months to 2003-12-31", "-2462000"},
			{21, "Prose: Net income (loss) per share, basic", "6 months to 2003-12-31", "-0.06"},
			{21, "Prose: Net income (loss) per share, diluted", "6 months to 2003-12-31", "-0.06"},
			{22, "Prose: Net income (loss)", "6 months to 2002-12-31", "-2946000"},
			{22, "Prose: Net income (loss) per share, basic", "6 months to 2002-12-31", "-0.08"},
			{22, "Prose: Net income (loss) per share, diluted", "6 months to 2002-12-31", "-0.08"},
			{47, "Prose: Cash and equivalents", "at 2003-12-31", "8300000"},
			{47, "Prose: Working capital", "at 2003-12-31", "11600000"},
			{48, "Prose: Cash and equivalents", "at 2003-06-30", "6800000"},
			{48, "Prose: Working capital", "at 2003-06-30", "10100000"},
		},
		"../testdata/filings/001_0a551a66bcd04f48.txt": {
			{12, "Prose: Revenue", "3 months to 2003-06-30", "2898000"},
			{12, "Prose: Revenue % change from 2002-06-30", "3 months to 2003-06-30", "0.02"},
			{13, "Prose: Revenue", "3 months to 2002-06-30", "2830000"},
			{14, "Prose: Gross profit", "3 months to 2003-06-30", "1008000"},
			{14, "Prose: Gross profit as % of Revenue", "3 months to 2003-06-30", "0.35"},
			{15, "Prose: Gross profit", "3 months to 2002-06-30", "483000"},
			{15, "Prose: Gross profit as % of Revenue", "3 months to 2002-06-30", "0.17"},
			{17, "Prose: Net income (loss)", "3 months to 2003-06-30", "-991000"},
			{17, "Prose: Net income (loss) % change from 2002-06-30", "3 months to 2003-06-30", "-0.33"},
			{18, "Prose: Net income (loss)", "3 months to 2002-06-30", "-1470000"},
			{20, "Prose: Revenue", "12 months to 2003-06-30", "10187000"},
			{21, "Prose: Revenue", "12 months to 2002-06-30", "9549000"},
			{21, "Prose: Revenue % change from 2002-06-30", "12 months to 2003-06-30", "0.07"},
			{22, "Prose: Gross profit", "12 months to 2003-06-30", "2287000"},
			{22, "Prose: Gross profit as % of Revenue", "12 months to 2003-06-30", "0.22"},
			{23, "Prose: Gross profit", "12 months to 2002-06-30", "1991000"},
			{23, "Prose: Gross profit as % of Revenue", "12 months to 2002-06-30", "0.21"},
			{24, "Prose: Net income (loss)", "12 months to 2003-06-30", "-5603000"},
			{25, "Prose: Net income (loss)", "12 months to 2002-06-30", "-5038000"},
		},
		// The financing release states no table figure: no claims.
		"../testdata/filings/002_841493e996f58f0e.txt": nil,
	}
	for doc, claims := range want {
		var got []string
		for _, c := range parseFile(t, doc).Checks {
			if c.Kind != Claim {
				continue
			}
			got = append(got, strings.Join([]string{strconv.Itoa(c.Sources[0].Line), c.Name, c.Period.String(), c.Stated.String()}, " | "))
			if c.Status != Pass {
				t.Errorf("%s: %s failed", doc, got[len(got)-1])
			}
		}
		var exp []string
		for _, c := range claims {
			exp = append(exp, strings.Join([]string{strconv.Itoa(c.line), c.name, c.period, c.stated}, " | "))
		}
		if strings.Join(got, "\n") != strings.Join(exp, "\n") {
			t.Errorf("%s claims:\n%s\nwant:\n%s", doc, strings.Join(got, "\n"), strings.Join(exp, "\n"))
		}
	}
}

func TestProseClaimFailsWhenTheSentenceIsAltered(t *testing.T) {
	const doc = "../testdata/filings/000_bb2e246abcbfccf3.txt"
	tests := []struct {
		line     int
		old, new string
		name     string
	}{
		{47, "$8.3 million", "$8.4 million", "Prose: Cash and equivalents"},
		{47, "$11.6 million", "$11.7 million", "Prose: Working capital"},
		{9, "6%", "7%", "Prose: Revenue % change from 2002-12-31"},
		{13, "32%", "33%", "Prose: Gross profit as % of Revenue"},
		{18, "$1,223,000", "$1,224,000", "Prose: Net income (loss)"},
	}
	for _, tt := range tests {
		f := parseBytesT(t, alter(t, doc, tt.line, tt.old, tt.new), "altered.txt")
		failed := false
		for _, c := range f.Checks {
			if c.Name == tt.name && c.Sources[0].Line == tt.line && c.Status == Fail {
				failed = true
			}
		}
		if !failed {
			t.Errorf("line %d %q -> %q did not fail %q", tt.line, tt.old, tt.new, tt.name)
		}
	}
}

// The financing release yields its figures as facts, and no error.
func TestFinancingReleaseFacts(t *testing.T) {
	f := parseFile(t, "../testdata/filings/002_841493e996f58f0e.txt")
	want := []string{
		"1 | 4800000 | USD",
		"5 | 3100000 | shares",
		"7 | 11976 | shares",
		"8 | 2.39 | USD/share",
		"15 | 3200000 | USD",
	}
	var got []string
	for _, x := range f.Facts {
		got = append(got, strings.Join([]string{strconv.Itoa(x.Source.Line), x.Value.String(), string(x.Unit)}, " | "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(f.Diagnostics) != 0 || len(f.Tables) != 0 {
		t.Errorf("want no tables and no diagnostics, got %d and %v", len(f.Tables), f.Diagnostics)
	}
}

// widgetRelease is a made-up release: its prose, then an income statement
// for the fourth quarter and the year 2003 and 2002, in thousands, and a
// balance sheet.
func widgetRelease(prose string) []byte {
	return []byte(`WIDGET CORP. REPORTS FOURTH QUARTER AND YEAR 2003 RESULTS

DAYTON, Ohio, February 4, 2004 -- Widget Corp. (NYSE: WDG) today reported
results for the fourth quarter and the year ended December 31, 2003.

` + prose + `

<PAGE>
                              WIDGET CORP.
                  Consolidated Statements of Operations
                 (in thousands, except per share data)
<TABLE>
<S>                           <C>        <C>        <C>        <C>
                               Three Months Ended      Year Ended
                                  December 31,        December 31,
                               2003       2002       2003       2002
                             --------   --------   --------   --------
Net revenues                 $ 25,000   $ 23,500   $ 95,000   $ 88,000
Cost of revenues               15,000     14,000     57,000     53,000
                             --------   --------   --------   --------
Gross profit                   10,000      9,500     38,000     35,000
Operating expenses              6,000      5,900     24,000     23,000
                             --------   --------   --------   --------
Net income                   $  4,000   $  3,600   $ 14,000   $ 12,000
                             ========   ========   ========   ========
Net income per share:
  Basic                      $   0.40   $   0.36   $   1.40   $   1.20
  Diluted                    $   0.38   $   0.35   $   1.35   $   1.16
</TABLE>

                              WIDGET CORP.
                      Consolidated Balance Sheets
                             (in thousands)
<TABLE>
<S>                                  <C>           <C>
                                     December 31,  December 31,
                                         2003          2002
                                     ------------  ------------
Cash and cash equivalents              $ 12,300      $  9,800
Accounts receivable                       8,000         7,000
                                       --------      --------
Total current assets                     20,300        16,800
Total current liabilities                 6,300         5,800
</TABLE>
`)
}

// Prose claims by pattern, on made-up sentences: what is linked, to which
// item and period, and whether it passes. A sentence about a part of the
// company, a change, guidance or another noun makes no claim; a clear
// claim on a consolidated figure is still checked and fails when wrong.
func TestProseClaimPatterns(t *testing.T) {
	tests := []struct {
		name  string
		prose string
		want  []string // name | period | stated | status
	}{
		{"segment paragraph, to the next heading",
			"Led by calculators, the Industrial Products (IP) business recognized record\nrevenues. Revenues in the fourth quarter were $9.1 million, compared with $8.2\nmillion in the year-ago quarter.\n\nOperating margin of the IP business improved. Revenues for the year were $31.0\nmillion.\n\nCONSOLIDATED RESULTS\n\nNet revenues for the fourth quarter of 2003 were $25.0 million.",
			[]string{"Prose: Revenue | 3 months to 2003-12-31 | 25000000 | pass"}},
		{"divested business",
			"Revenues for 2003 and 2002 for the divested business were $3 million and $4\nmillion, respectively.",
			nil},
		{"European operations contributed",
			"The Company's European operations contributed net revenues of $9.0 million for\n2003.",
			nil},
		{"product modifiers and a part named earlier in the sentence",
			"Other 32-bit revenues were $2.0 million in 2003. Net revenues in Europe were $7.0\nmillion for the fourth quarter of 2003, while revenues for the year were $21.0\nmillion.",
			nil},
		{"cash that is a flow or a payment",
			"Net cash used for the purchase of equipment totaled $2.1 million in 2003. On\nDecember 31, 2003 we completed the sale of a plant for $5 million in cash, less\napproximately $1 million in transaction-related costs.",
			nil},
		{"a part of the balance",
			"The Company's cash and cash equivalents at December 31, 2003 include $2 million\npledged as collateral.",
			nil},
		{"prior year in a sentence about a quarter",
			"For the fourth quarter of 2003, net revenues were $25.0 million, compared with\n$23.5 million in the prior year.",
			[]string{"Prose: Revenue | 3 months to 2003-12-31 | 25000000 | pass", "Prose: Revenue | 3 months to 2002-12-31 | 23500000 | pass"}},
		{"prior year of a named year: the year before it, which no table holds: not run",
			"For 2002, net revenues were $88.0 million, compared with $80.0 million in the\nprior year.",
			[]string{"Prose: Revenue | 12 months to 2002-12-31 | 88000000 | pass", "Prose: Revenue | 12 months to 2001-12-31 | 80000000 | not run"}},
		{"per share without basic or diluted",
			"Net income for the fourth quarter of 2003 was $4.0 million, or $0.38 per share.",
			[]string{"Prose: Net income (loss) | 3 months to 2003-12-31 | 4000000 | pass", "Prose: Net income (loss) per share, basic or diluted | 3 months to 2003-12-31 | 0.38 | pass"}},
		{"per share without basic or diluted, wrong",
			"Net income for the fourth quarter of 2003 was $4.0 million, or $0.45 per share.",
			[]string{"Prose: Net income (loss) | 3 months to 2003-12-31 | 4000000 | pass", "Prose: Net income (loss) per share, basic or diluted | 3 months to 2003-12-31 | 0.45 | fail"}},
		{"cents a share and an abbreviated month",
			"Net income for the quarter ended Dec. 31, 2003 was $4.0 million, or 40 cents a\nbasic share.",
			[]string{"Prose: Net income (loss) | 3 months to 2003-12-31 | 4000000 | pass", "Prose: Net income (loss) per share, basic | 3 months to 2003-12-31 | 0.4 | pass"}},
		{"guidance",
			"The Company expects net revenues for 2004 of $110 million.",
			nil},
		{"a clear claim that disagrees still fails",
			"Net revenues for the year ended December 31, 2003 were $97.0 million.",
			[]string{"Prose: Revenue | 12 months to 2003-12-31 | 97000000 | fail"}},
		{"a list linked by respectively",
			"Net revenues were $95.0 million and $88.0 million in 2003 and 2002,\nrespectively.",
			[]string{"Prose: Revenue | 12 months to 2003-12-31 | 95000000 | pass", "Prose: Revenue | 12 months to 2002-12-31 | 88000000 | pass"}},
		{"a list with no respectively",
			"Net revenues were $95.0 million and $88.0 million in the two years.",
			nil},
		{"a change after the level",
			"Net revenues for 2003 were $95.0 million, increasing $7.0 million, or 8%, over\n2002.",
			[]string{"Prose: Revenue | 12 months to 2003-12-31 | 95000000 | pass"}},
		{"a per-share restatement of a change",
			"The new method reduced net income by $1.0 million, or $0.10 per share, for the\nyear ended December 31, 2003.",
			nil},
		{"a change on another basis",
			"Net revenues increased 8% on a constant currency basis to $95.0 million in 2003.",
			[]string{"Prose: Revenue | 12 months to 2003-12-31 | 95000000 | pass"}},
		{"the item named after the amount, not the nearest",
			"Net revenues grew in 2003, and the Company held $12.3 million of cash at\nDecember 31, 2003.",
			[]string{"Prose: Cash and equivalents | at 2003-12-31 | 12300000 | pass"}},
		{"a scale note heading the page",
			"<PAGE>\n                 WIDGET CORP.\n      (in thousands, except per share amounts)\n\nNet income for the year ended December 31, 2003 was $14,000, compared to $12,000\nin 2002.",
			[]string{"Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass", "Prose: Net income (loss) | 12 months to 2002-12-31 | 12000000 | pass"}},
		{"a scale note heading a table further down holds no sentence",
			"<PAGE>\n\nOptions outstanding are summarized below.\n\n      (in thousands, except per share amounts)\n\nEmployees may buy stock up to a maximum of $25,000 a year.",
			nil},
		{"a scale note written as a sentence holds across pages, to the next item",
			"All dollar amounts in this Management's Discussion and Analysis are in millions.\n\nNet revenues for the fourth quarter of 2003 were $25.0 compared to $23.5\nfor the fourth quarter of 2002.\n\n<PAGE>\n\nNet income for the year ended December 31, 2003 was $14.0.\n\nItem 3. Quantitative and Qualitative Disclosures About Market Risk\n\nNet income for the year ended December 31, 2003 was $14.",
			[]string{"Prose: Revenue | 3 months to 2003-12-31 | 25000000 | pass", "Prose: Revenue | 3 months to 2002-12-31 | 23500000 | pass", "Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass",
				"Prose: Net income (loss) | 12 months to 2003-12-31 | 14 | fail"}}, // past the note, "$14" is in dollars
		{"an item of a product line",
			"Net revenues of imaging and display products decreased by $1.0 million to $9.0\nmillion in the fourth quarter of 2003.",
			nil},
		{"an item of its amount, after approximately",
			"Net revenues of approximately $95.0 million for the year ended December 31, 2003\nwere a record.",
			[]string{"Prose: Revenue | 12 months to 2003-12-31 | 95000000 | pass"}},
		{"a charge included in the net income",
			"Net income for the fourth quarter of 2003 includes a $2.0 million charge for\nrestructuring, as well as a $1.0 million charge for litigation.",
			nil},
		{"an amount before the item it is",
			"The Company reported a $14.0 million net income for the year ended December 31,\n2003.",
			[]string{"Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass"}},
		{"non-GAAP and recurring figures are not the reported ones",
			"Adjusted non-GAAP net income for the fourth quarter of 2003 was $5.1 million.\nAnnual recurring revenues for the fourth quarter of 2003 were $20.0 million.",
			nil},
		{"a section under a segment's name",
			"Consolidated Results\n\nNet income for the year ended December 31, 2003 was $14.0 million.\n\nIndustrial Products\n\nNet income of $9.0 million for the year ended December 31, 2003. Price\nincreases in this segment helped.\n\nPer Share Results: Net income for the year ended December 31, 2003 was\n$14.0 million, or $1.40 per basic share.",
			[]string{"Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass", "Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass", "Prose: Net income (loss) per share, basic | 12 months to 2003-12-31 | 1.4 | pass"}},
		{"a heading in capitals over its paragraph bounds the section",
			"Results of Operations\n\nNET REVENUES\nNet revenues for the fourth quarter of 2003 were $25.0 million.\n\nEUROPE\nNet income in the Europe segment was $2.0 million in the fourth quarter of 2003.\nThe results of this segment improved.",
			[]string{"Prose: Revenue | 3 months to 2003-12-31 | 25000000 | pass"}},
		{"a heading naming a segment",
			"Retail Segment\n\nNet income for the fourth quarter of 2003 was $2.0 million.\n\nCONSOLIDATED\n\nNet income for the fourth quarter of 2003 was $4.0 million.",
			[]string{"Prose: Net income (loss) | 3 months to 2003-12-31 | 4000000 | pass"}},
	}
	for _, tt := range tests {
		f := parseBytesT(t, widgetRelease(tt.prose), "widget.txt")
		var got []string
		for _, c := range f.Checks {
			if c.Kind == Claim {
				got = append(got, strings.Join([]string{c.Name, c.Period.String(), c.Stated.String(), string(c.Status)}, " | "))
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// An unlabelled figure under "Less accumulated depreciation" is the net
// amount, not the total of the open section: the total assets are the
// unlabelled figures further down.
func TestUnlabelledNetUnderALessLineIsNotTheSectionTotal(t *testing.T) {
	doc := "                         CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
		"                                         June 30, 2001   June 30, 2000\n" +
		"ASSETS\n" +
		"Current assets:\n" +
		"  Cash                                        $ 300           $ 250\n" +
		"  Receivables                                   100              80\n" +
		"                                              -----           -----\n" +
		"    Total current assets                        400             330\n" +
		"Property, plant and equipment - at cost:\n" +
		"  Land and buildings                            400             380\n" +
		"  Equipment                                     200             190\n" +
		"                                              -----           -----\n" +
		"                                                600             570\n" +
		"  Less accumulated depreciation                 250             230\n" +
		"                                              -----           -----\n" +
		"                                                350             340\n" +
		"Intangibles                                     100              90\n" +
		"                                              -----           -----\n" +
		"                                              $ 850           $ 760\n" +
		"LIABILITIES AND SHAREHOLDERS' EQUITY\n" +
		"Accounts payable                              $ 250           $ 210\n" +
		"Total shareholders' equity                      600             550\n" +
		"                                              -----           -----\n" +
		"Total liabilities and shareholders' equity    $ 850           $ 760\n" +
		"</TABLE>\n</TABLE>\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "b.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Tables[0].Rows {
		isTotal := len(r.Items) > 0 && r.Items[0] == "total_assets"
		if want := r.Line == 20; isTotal != want {
			t.Errorf("line %d %q items %v: total assets %v, want %v", r.Line, r.Label, r.Items, isTotal, want)
		}
	}
	for _, c := range f.Checks {
		if c.Status == Fail {
			t.Errorf("check %s %s failed: stated %s computed %s", c.Name, c.Period, c.Stated, c.Computed)
		}
	}
}

// A total named with "&" closes the heading named with "and", and a
// heading nested in it with no total of its own ("Cost of goods sold:")
// adds its rows into it.
func TestTotalAddsANestedHeadingWithoutItsOwnTotal(t *testing.T) {
	doc := "                 CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS\n" +
		"<TABLE>\n" +
		"                                                    Three Months Ended\n" +
		"                                                       October 31,\n" +
		"                                                   2001              2000\n" +
		"<S>                                             <C>               <C>\n" +
		"Net revenue                                     $ 111,968         $ 163,058\n" +
		"Costs and expenses:\n" +
		" Cost of goods sold:\n" +
		"  Product                                          35,215            54,667\n" +
		"  Amortization of purchased software                1,804             2,432\n" +
		" Selling & marketing                               45,092            57,555\n" +
		" Research & development                            33,668            41,713\n" +
		"                                                ---------         ---------\n" +
		"Total costs & expenses                            115,779           156,367\n" +
		"                                                ---------         ---------\n" +
		"Loss from operations                               (3,811)            6,691\n" +
		"</TABLE>\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "o.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range f.Checks {
		if c.Name != "Total operating expenses" {
			continue
		}
		n++
		if c.Status != Pass || len(c.Parts) != 4 {
			t.Errorf("%s %s: %s, stated %s computed %s from %d parts, want a pass from 4", c.Name, c.Period, c.Status, c.Stated, c.Computed, len(c.Parts))
		}
	}
	if n != 2 {
		t.Errorf("%d operating expense checks, want 2", n)
	}
}

// How a table prints its deductions is read from the labels and signs of
// the lines between the first operand and the stated line, never from
// whether the check then passes.
func TestDeductionConvention(t *testing.T) {
	row := func(label string, a, b int64) Row {
		return Row{Label: label, Cells: []Cell{
			{Column: 0, Number: grid.Number{Value: decimal.NewFromInt(a)}},
			{Column: 1, Number: grid.Number{Value: decimal.NewFromInt(b)}},
			{Column: 2, Number: grid.Number{Value: decimal.NewFromInt(-a)}}, // a % change: no sign of the table's
		}}
	}
	year := Period{End: time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), Months: 12}
	tests := []struct {
		name  string
		lines []Row
		want  int
	}{
		{"expense printed positive", []Row{row("Interest expense", 40, 43), row("Other income, net", 15, 12)}, 1},
		{"expense in parentheses", []Row{row("Interest expense", -40, -43), row("Other income, net", 15, 12)}, -1},
		{"income with its expense in brackets is no deduction", []Row{row("Other income (expense), net", -15, 12)}, 0},
		{"expense with its income in brackets says it is positive", []Row{row("Interest expense", 40, 43), row("Other (income) expense, net", -15, -12)}, 1},
		{"a deduction of mixed signs shows none", []Row{row("Interest expense, net", 40, -3)}, 0},
		{"a mixed one beside a positive one", []Row{row("Interest expense, net", 40, -3), row("Restructuring charges", 10, 0)}, 1},
		{"two that disagree", []Row{row("Interest expense", 40, 43), row("Loss on sale of assets", -5, -2)}, 0},
		{"a labelled total is no line of the convention", []Row{row("Total other expenses", -40, -43)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := &Table{Columns: []Column{{Period: year}, {Period: year}, {Change: true}}}
			tb.Rows = append([]Row{row("Operating income", 500, 400)}, tt.lines...)
			tb.Rows = append(tb.Rows, row("Income before income taxes", 475, 369))
			if got := tb.deductionConvention(0, len(tb.Rows)-1); got != tt.want {
				t.Errorf("convention %d, want %d", got, tt.want)
			}
		})
	}
}

// In HTML each paragraph, heading and bullet stands apart: a bullet with
// no closing stop does not run into the next one, and a heading with a
// segment's name opens a section whose claims are the segment's ("...
// in this segment"), not the company's.
func TestHTMLProseParagraphsAndSegmentSections(t *testing.T) {
	doc := `<html><body>
<p>WIDGET CORP. REPORTS YEAR 2003 RESULTS</p>
<p>DAYTON, Ohio, February 4, 2004 -- Widget Corp. today reported results for the year ended December 31, 2003.</p>
<p>Industrial Products</p>
<table><tr><td>&#9679;</td><td>Net income of $9.0 million for the year ended December 31, 2003, compared to net income of $8.0 million for the year ended December 31, 2002. Prices rose in this segment.</td></tr></table>
<p>Consolidated</p>
<table><tr><td>&#9679;</td><td>Net income of $14.0 million for the year ended December 31, 2003</td></tr>
<tr><td>&#9679;</td><td>Net revenues of $95.0 million, compared to $88.0 million in 2002</td></tr></table>
<p>Consolidated Statements of Operations</p>
<p>(in thousands)</p>
<table>
<tr><td></td><td colspan="2">Year Ended December 31,</td></tr>
<tr><td></td><td>2003</td><td>2002</td></tr>
<tr><td>Net revenues</td><td>$95,000</td><td>$88,000</td></tr>
<tr><td>Cost of revenues</td><td>57,000</td><td>53,000</td></tr>
<tr><td>Gross profit</td><td>38,000</td><td>35,000</td></tr>
<tr><td>Net income</td><td>$14,000</td><td>$12,000</td></tr>
</table>
</body></html>
`
	f := parseBytesT(t, []byte(doc), "w.htm")
	var got []string
	for _, c := range f.Checks {
		if c.Kind == Claim {
			got = append(got, strings.Join([]string{c.Name, c.Period.String(), c.Stated.String(), string(c.Status)}, " | "))
		}
	}
	want := []string{"Prose: Net income (loss) | 12 months to 2003-12-31 | 14000000 | pass", "Prose: Revenue | 12 months to 2002-12-31 | 88000000 | pass"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The small readers of prose structure: scale notes written as sentences,
// amounts a note scales, the headings that end a discussion or open a
// section, and what an item "of" something is.
func TestProseStructureReaders(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int64
	}{
		{"All dollar amounts in this Management's Discussion and Analysis are in millions.", 1000000},
		{"Dollar amounts are stated in thousands, except per share amounts.", 1000},
		{"All amounts are expressed in billions.", 1000000000},
		{"Sales in millions of units rose.", 0},                         // no amounts stated in a scale
		{"Amounts of $5 million are in millions of dollars.", 0},        // a figure: not a note
		{"The Company has investments in thousands of companies.", 0},   // no "are in"
		{"Net revenues, in millions, are shown in the table below.", 0}, // "are shown in the table"
		{"All dollar amounts in this report are in thousands of dollars.", 1000},
	} {
		if got := sentenceScale(tt.s); !got.Equal(decimal.NewFromInt(tt.want)) {
			t.Errorf("sentenceScale(%q) = %s, want %d", tt.s, got, tt.want)
		}
	}
	s := "Revenues were $1,002.5, the price was $32.25, income was $966 and cash $199,713,000."
	amounts := findAmounts(s)
	scaleBare(s, amounts, decimal.NewFromInt(1000000))
	var got []string
	for _, a := range amounts {
		got = append(got, a.Value.String())
	}
	if want := "1002500000 32.25 966000000 199713000"; strings.Join(got, " ") != want {
		t.Errorf("scaleBare: %s, want %s", strings.Join(got, " "), want)
	}
	for s, want := range map[string]bool{"PART II.": true, "Item 3. Quantitative and Qualitative Disclosures": true,
		"ITEM 7A": true, "Part of the increase was due to pricing.": false, "Item sales rose.": false} {
		if opensFilingPart(s) != want {
			t.Errorf("opensFilingPart(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"Net Income (Loss) per Share - continuing operations: Net income per share was $0.20.": true,
		"• Revenue: Revenue of $185.1 million.": true, "The Company reported the following: revenues of $5 million.": false,
		"On $1.3 million: a note.": false} {
		if runInHeading(s) != want {
			t.Errorf("runInHeading(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"imaging and display products": true, "approximately $117 million": false,
		"the fourth quarter": false, "1998": false, "the Company": false, "our European subsidiary": true, "US$150 million": false} {
		if ofWhat(strings.Fields(strings.ToLower(s))) != want {
			t.Errorf("ofWhat(%q) = %v", s, !want)
		}
	}
}

// A sentence that opens with a dash, a plus sign, an at sign or a bullet
// stands on its own: its figures are not claims of the sentence before.
func TestSentencesOpeningWithMarks(t *testing.T) {
	text := "Revenue rose to $2.5 million. - Net income was $0.4 million. + Orders grew. @ Acme. • Cash was $1 million."
	var got []string
	for _, s := range sentences([]line{{N: 1, Text: text}}) {
		got = append(got, s.Text)
	}
	want := []string{"Revenue rose to $2.5 million.", "- Net income was $0.4 million.", "+ Orders grew.", "@ Acme.", "• Cash was $1 million."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}
