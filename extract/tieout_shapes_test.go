package extract

import (
	"fmt"
	"strings"
	"testing"
)

// madeUpStatement lays out a made-up statement in the plain-text EDGAR
// shape: a title and scale over a <TABLE> whose columns are two years.
// Body lines are "label|indent|1999|1998" for a row of figures,
// "label|indent" for a line of words, "---" or "===" for rules and ""
// for a blank line.
func madeUpStatement(title, period string, body []string) string {
	line := func(label string, indent int, a, b string) string {
		return strings.TrimRight(fmt.Sprintf("%-44s%10s  %10s", strings.Repeat(" ", indent)+label, a, b), " ")
	}
	out := []string{"EXAMPLE CORPORATION", title, "(In thousands)", "", "<TABLE>", "<CAPTION>",
		line("", 0, period, ""), line("", 0, "1999", "1998"), line("", 0, "-------", "-------"),
		"<S>                                         <C>         <C>"}
	for _, b := range body {
		switch b {
		case "":
			out = append(out, "")
		case "---", "===":
			r := strings.Repeat(b[:1], 7)
			out = append(out, line("", 0, r, r))
		default:
			f := strings.Split(b, "|")
			indent := 0
			fmt.Sscan(f[1], &indent)
			if len(f) == 2 {
				out = append(out, strings.Repeat(" ", indent)+f[0])
				continue
			}
			out = append(out, line(f[0], indent, f[2], f[3]))
		}
	}
	return strings.Join(append(out, "</TABLE>", ""), "\n")
}

// tieOuts returns the status of each tie-out by name and period, with
// the stated figure: "Total assets 1999-12-31" -> "pass 2250000".
func tieOuts(t *testing.T, doc string) map[string]string {
	t.Helper()
	f := parseBytesT(t, []byte(doc), "made-up.txt")
	out := map[string]string{}
	for _, c := range f.Checks {
		if c.Kind == TieOut {
			out[c.Name+" "+c.Period.String()] = string(c.Status) + " " + c.Stated.String()
		}
	}
	return out
}

const (
	balanceTitle = "CONSOLIDATED BALANCE SHEETS"
	incomeTitle  = "CONSOLIDATED STATEMENTS OF OPERATIONS"
	atYearEnd    = "December 31,"
	yearEnded    = "Years Ended December 31,"
)

// Each shape of table is read so that its total adds up what the table
// says it does: the check passes, and fails once a part is altered.
func TestTieOutShapes(t *testing.T) {
	tests := []struct {
		name, title, period string
		body                []string
		check               string // name and period of the check
		want                string // status and stated figure
		// passOnly: an altered total is not shown to fail, as the
		// table's rules leave its subtotals in doubt.
		passOnly bool
	}{
		{
			// Rows under a heading with no total of its own add into the
			// total of the heading around it.
			"nested heading without a total", incomeTitle, yearEnded, []string{
				"Net revenue|0|$ 1,000|$   900",
				"Costs and expenses:|0",
				"Cost of goods sold:|2",
				"Product|4|300|280",
				"Amortization of software|4|20|15",
				"Selling and marketing|2|250|240",
				"Research and development|2|150|140",
				"---",
				"Total costs and expenses|6|720|675",
				"---",
				"Income from operations|0|280|225",
			}, "Total operating expenses 12 months to 1999-12-31", "pass 720000", false,
		},
		{
			// A wrapped label read as a heading over its one line: the line
			// still adds into the section around it.
			"heading over one wrapped line", balanceTitle, atYearEnd, []string{
				"LIABILITIES|0",
				"Deposits:|0",
				"Demand|4|2,000|1,800",
				"Time|4|3,000|2,900",
				"---",
				"Total deposits|6|5,000|4,700",
				"Federal funds purchased and securities|0",
				"Sold under repurchase agreements|4|1,000|900",
				"Long-term debt|0|500|400",
				"---",
				"Total liabilities|6|6,500|6,000",
			}, "Total liabilities at 1999-12-31", "pass 6500000", false,
		},
		{
			// "Total inventories" closes "Inventories, at lower of cost or
			// market", not the current assets around it.
			"total named by a qualified heading", balanceTitle, atYearEnd, []string{
				"Current assets:|0",
				"Cash|2|500|400",
				"Receivables|2|1,200|1,100",
				"Inventories, at lower of cost or market|2",
				"Finished goods|4|300|250",
				"Work in process|4|200|150",
				"---",
				"Total inventories|2|500|400",
				"Prepaid expenses|2|100|90",
				"---",
				"Total current assets|0|2,300|1,990",
			}, "Total current assets at 1999-12-31", "pass 2300000", false,
		},
		{
			// A row under a rule that repeats its heading's name is the
			// heading's total.
			"heading repeated as its total", balanceTitle, atYearEnd, []string{
				"Current assets:|0",
				"Cash|2|500|400",
				"Inventories:|2",
				"Raw materials|4|100|90",
				"Finished goods|4|200|180",
				"---",
				"Inventories|6|300|270",
				"---",
				"Prepaid expenses|2|50|40",
				"---",
				"Total current assets|4|850|710",
			}, "Total current assets at 1999-12-31", "pass 850000", false,
		},
		{
			// The unlabelled net of property is no total of the assets, which
			// "Total assets" states further down; and the rows it nets are
			// not counted again.
			"unlabelled running subtotal", balanceTitle, atYearEnd, []string{
				"ASSETS|0",
				"Current assets:|0",
				"Cash|4|1,000|900",
				"Receivables|4|500|400",
				"---",
				"Total current assets|4|1,500|1,300",
				"Property and equipment, at cost:|0",
				"Machinery|4|800|700",
				"Leasehold improvements|4|200|100",
				"---",
				"|0|1,000|800",
				"Accumulated depreciation|4|300|200",
				"---",
				"|0|700|600",
				"Other assets|0|50|40",
				"---",
				"Total assets|0|2,250|1,940",
			}, "Total assets at 1999-12-31", "pass 2250000", false,
		},
		{
			// A subtotal whose lines stand after a blank line, with no
			// heading: it adds the run of lines right above it that makes
			// its figure, and those are not counted again.
			"subtotal of a group after a blank line", balanceTitle, atYearEnd, []string{
				"Current assets:|0",
				"Cash|2|2,000|1,900",
				"Receivables|2|1,000|900",
				"",
				"Finished goods|2|300|250",
				"Work in process|2|200|150",
				"---",
				"Inventories|2|500|400",
				"",
				"Prepaid expenses|2|100|100",
				"---",
				"Total current assets|4|3,600|3,300",
			}, "Total current assets at 1999-12-31", "pass 3600000", false,
		},
		{
			// A grand total adds the totals of the sections above it, not
			// their rows again.
			"grand total over section totals", balanceTitle, atYearEnd, []string{
				"LIABILITIES AND STOCKHOLDERS' EQUITY|0",
				"Current liabilities:|0",
				"Accounts payable|2|100|90",
				"Accrued expenses|2|200|180",
				"---",
				"Total current liabilities|6|300|270",
				"Long-term debt|0|200|180",
				"---",
				"Total liabilities|6|500|450",
				"",
				"Stockholders' equity:|0",
				"Common stock|2|100|100",
				"Retained earnings|2|400|350",
				"---",
				"Total stockholders' equity|6|500|450",
				"---",
				"Total liabilities and stockholders' equity|6|$ 1,000|$   900",
				"===",
			}, "Total liabilities and equity at 1999-12-31", "pass 1000000", false,
		},
		{
			// A grand total goes past a net line, over the rows it nets.
			"grand total past a net line", balanceTitle, atYearEnd, []string{
				"Current assets:|0",
				"Cash|2|500|400",
				"Receivables|2|300|250",
				"---",
				"Total current assets|0|800|650",
				"",
				"Plant and other property|0|1,000|900",
				"Less: accumulated depreciation|4|400|350",
				"---",
				"Plant and other property - net|0|600|550",
				"",
				"Investments and sundry assets|0|200|100",
				"---",
				"Total assets|0|$ 1,600|$ 1,300",
				"===",
			}, "Total assets at 1999-12-31", "pass 1600000", false,
		},
		{
			// A rule under every line makes no line a total of those above.
			"rule under every line", incomeTitle, yearEnded, []string{
				"Net revenues|0|$ 871|$ 768",
				"---",
				"Costs and expenses:|0",
				"---",
				"Cost of revenues|8|134|133",
				"---",
				"Marketing and sales|8|295|271",
				"---",
				"Research and development|8|157|137",
				"---",
				"",
				"Total costs and expenses|12|586|541",
				"---",
				"Income from operations|0|285|227",
			}, "Total operating expenses 12 months to 1999-12-31", "pass 586000", true,
		},
		{
			// Net property after the current assets' total, under the rows
			// it nets: the walk up from it stops at the total.
			"net line under a total", balanceTitle, atYearEnd, []string{
				"ASSETS|0",
				"Current assets:|0",
				"Cash|4|600|500",
				"Receivables|4|400|300",
				"---",
				"Total current assets|0|1,000|800",
				"",
				"Property, plant and equipment, at cost|0|500|450",
				"Accumulated depreciation|0|(200)|(150)",
				"---",
				"Net property, plant and equipment|4|300|300",
				"",
				"Other assets|0|100|50",
				"---",
				"|0|$ 1,400|$ 1,150",
				"===",
			}, "Total assets at 1999-12-31", "pass 1400000", false,
		},
		{
			// Interest expense printed positive, as the costs above it: the
			// table's deductions are positive, and it is subtracted.
			"interest expense printed positive", incomeTitle, yearEnded, []string{
				"Revenue|0|$ 44,244|$ 37,254",
				"Operating costs and expenses|0|38,804|34,254",
				"---",
				"Operating income|0|5,440|3,000",
				"Interest expense|0|2,550|2,398",
				"Other income, net|0|1,500|563",
				"---",
				"Income before income taxes|0|4,390|1,165",
			}, "Income before income taxes 12 months to 1999-12-31", "pass 4390000", false,
		},
		{
			// The same line in parentheses adds as printed.
			"interest expense in parentheses", incomeTitle, yearEnded, []string{
				"Revenue|0|$ 44,244|$ 37,254",
				"Operating costs and expenses|0|38,804|34,254",
				"---",
				"Operating income|0|5,440|3,000",
				"Interest expense|0|(2,550)|(2,398)",
				"Other income, net|0|1,500|563",
				"---",
				"Income before income taxes|0|4,390|1,165",
			}, "Income before income taxes 12 months to 1999-12-31", "pass 4390000", false,
		},
		{
			// "Total liabilities" under the rows of "Long-term liabilities:"
			// adds "Total current liabilities" too.
			"total liabilities over a long-term heading", balanceTitle, atYearEnd, []string{
				"LIABILITIES AND STOCKHOLDERS' EQUITY|0",
				"Current liabilities:|0",
				"Accounts payable|2|100|90",
				"Accrued expenses|2|200|180",
				"---",
				"Total current liabilities|4|300|270",
				"Long-term liabilities:|0",
				"Income taxes payable|2|50|40",
				"Other liabilities|2|150|140",
				"---",
				"Total liabilities|4|500|450",
			}, "Total liabilities at 1999-12-31", "pass 500000", false,
		},
		{
			// ... with a line of no heading between the two sections.
			"total liabilities over other liabilities and a line between", balanceTitle, atYearEnd, []string{
				"LIABILITIES AND STOCKHOLDERS' EQUITY|0",
				"Current liabilities:|0",
				"Accounts payable|2|100|90",
				"Accrued expenses|2|200|180",
				"---",
				"Total current liabilities|4|300|270",
				"Long-term debt|0|200|180",
				"Other liabilities:|0",
				"Deferred income taxes|2|50|40",
				"Other|2|150|140",
				"---",
				"Total liabilities|4|700|630",
			}, "Total liabilities at 1999-12-31", "pass 700000", false,
		},
		{
			// ... and the grand total counts current liabilities once.
			"grand total over a long-term heading", balanceTitle, atYearEnd, []string{
				"LIABILITIES AND STOCKHOLDERS' EQUITY|0",
				"Current liabilities:|0",
				"Accounts payable|2|100|90",
				"Accrued expenses|2|200|180",
				"---",
				"Total current liabilities|4|300|270",
				"Long-term liabilities:|0",
				"Income taxes payable|2|50|40",
				"Other liabilities|2|150|140",
				"---",
				"Total liabilities|4|500|450",
				"Stockholders' equity:|0",
				"Common stock|2|100|100",
				"Retained earnings|2|400|350",
				"---",
				"Total stockholders' equity|4|500|450",
				"---",
				"Total liabilities and stockholders' equity|4|$ 1,000|$   900",
				"===",
			}, "Total liabilities and equity at 1999-12-31", "pass 1000000", false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := madeUpStatement(tt.title, tt.period, tt.body)
			if got := tieOuts(t, doc)[tt.check]; got != tt.want {
				t.Fatalf("%s: got %q, want %q; all: %v\n%s", tt.check, got, tt.want, tieOuts(t, doc), doc)
			}
			if tt.passOnly {
				return
			}
			// Altering the stated total makes the same check fail.
			stated := strings.Fields(tt.want)[1]
			thousands := stated[:len(stated)-3]
			var altered []string
			for _, b := range tt.body {
				f := strings.Split(b, "|")
				if len(f) == 4 && strings.ReplaceAll(strings.Trim(f[2], "$ "), ",", "") == thousands {
					orig := f[2]
					f[2] = strings.Replace(f[2], f[2][len(f[2])-1:], "9", 1)
					if f[2] == orig { // its last digit was a 9 already
						f[2] += "1"
					}
				}
				altered = append(altered, strings.Join(f, "|"))
			}
			got := tieOuts(t, madeUpStatement(tt.title, tt.period, altered))[tt.check]
			if !strings.HasPrefix(got, "fail") {
				t.Errorf("%s after altering the total: got %q, want a failure", tt.check, got)
			}
		})
	}
}

// Shapes whose totals finexport cannot read as a sum of the rows it sees:
// the check must not run there, rather than report the filing wrong.
func TestTieOutShapesNotChecked(t *testing.T) {
	tests := []struct {
		name, title, period string
		body                []string
		check               string // name and period of a check that must not run
	}{
		{
			// A rule under the first line opens the lines under it: the
			// line after it is no total of the one line above.
			"rule under the first line", incomeTitle, yearEnded, []string{
				"Revenue|0|$ 3,500|$ 2,900",
				"---",
				"Operating expenses|0|1,500|1,200",
				"General and administrative|0|900|800",
				"Depreciation|0|200|170",
				"---",
				"|0|2,600|2,170",
				"---",
				"Earnings before income taxes|0|900|730",
			}, "Total operating expenses 12 months to 1999-12-31",
		},
		{
			// A table of totals only, each the total of rows not shown.
			"totals only", balanceTitle, atYearEnd, []string{
				"Total assets|0|$2,940|$2,192",
				"Total liabilities|0|$  962|$  637",
				"Net property, plant and equipment|0|$1,238|$1,042",
			}, "Total liabilities at 1999-12-31",
		},
		{
			// "Commitments and contingencies" refers to a note: it heads
			// no rows, and the equity under it is not all the total adds.
			"caption over the equity", balanceTitle, atYearEnd, []string{
				"Current liabilities:|0",
				"Short-term debt|2|100|90",
				"Accounts payable|2|200|180",
				"---",
				"TOTAL CURRENT LIABILITIES|0|300|270",
				"---",
				"Long-term debt|0|500|400",
				"Commitments and contingencies|0",
				"Stockholders' equity:|2",
				"Common stock|4|50|50",
				"Retained earnings|4|150|130",
				"---",
				"Total stockholders' equity|0|200|180",
				"---",
				"TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY|0|1,000|850",
				"===",
			}, "Total liabilities and equity at 1999-12-31",
		},
		{
			// A deduction printed positive in one year and in parentheses in
			// the other, and no other line to show the table's convention:
			// its sign is not known, and the check is not tried both ways.
			"deduction of mixed signs", incomeTitle, yearEnded, []string{
				"Revenue|0|$ 44,244|$ 37,254",
				"Operating costs and expenses|0|38,804|34,254",
				"---",
				"Operating income|0|5,440|3,000",
				"Interest expense, net|0|2,550|(300)",
				"Other income, net|0|1,500|563",
				"---",
				"Income before income taxes|0|4,390|3,863",
			}, "Income before income taxes 12 months to 1999-12-31",
		},
		{
			// A five-year summary, named so only by the line over it, is no
			// statement whatever its rows are called.
			"five-year summary", "SUPPLEMENTAL FIVE YEAR FINANCIAL SUMMARY", yearEnded, []string{
				"Net sales|0|$33,075|$31,340",
				"Cost of sales|0|20,631|19,396",
				"Selling, general and administrative expenses|0|5,446|5,656",
				"Total costs and expenses|0|31,792|32,620",
				"Net earnings|0|$   891|$  (907)",
			}, "Total operating expenses 12 months to 1999-12-31",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := madeUpStatement(tt.title, tt.period, tt.body)
			// Held back, it is listed as not run, never passed or failed.
			if got, ok := tieOuts(t, doc)[tt.check]; ok && !strings.HasPrefix(got, string(NotRun)+" ") {
				t.Errorf("%s ran: %q\n%s", tt.check, got, doc)
			}
			// The check is held back, not lost with the table: every line
			// of figures was read.
			lines := 0
			for _, b := range tt.body {
				if f := strings.Split(b, "|"); len(f) == 4 && strings.TrimSpace(f[2]) != "" {
					lines++
				}
			}
			read := 0
			for _, tb := range parseBytesT(t, []byte(doc), "made-up.txt").Tables {
				for _, r := range tb.Rows {
					if len(r.Cells) == 2 && !r.Cells[0].Value.IsZero() {
						read++
					}
				}
			}
			if read != lines {
				t.Errorf("%d lines of figures read, want %d\n%s", read, lines, doc)
			}
		})
	}
}

// A five-year summary keeps its rows, as a table that is no statement.
func TestFiveYearSummaryIsNoStatement(t *testing.T) {
	doc := madeUpStatement("SUPPLEMENTAL FIVE YEAR FINANCIAL SUMMARY", yearEnded, []string{
		"Net sales|0|$33,075|$31,340",
		"Cost of sales|0|20,631|19,396",
		"Net earnings|0|$   891|$  (907)",
	})
	f := parseBytesT(t, []byte(doc), "made-up.txt")
	if len(f.Tables) != 1 || f.Tables[0].Kind != Other || len(f.Tables[0].Rows) != 3 {
		t.Fatalf("want one table of kind other with 3 rows, got %d tables %+v", len(f.Tables), f.Tables)
	}
}

// A table headed by segment or geographic words in its stub is no
// statement, though its rows say "Total assets".
func TestGeographicTableIsNoStatement(t *testing.T) {
	doc := strings.Join([]string{
		"(In millions of dollars)",
		"",
		"GEOGRAPHIC AREAS                              Year-End Assets",
		"                                            1999        1998",
		"                                          ------      ------",
		"United States                            $ 5,591     $ 4,587",
		"Europe                                     1,708       1,813",
		"                                          ------      ------",
		"Identifiable assets                        7,299       6,400",
		"",
		"Other assets                               4,023       3,733",
		"                                          ------      ------",
		"Total assets                             $11,322     $10,133",
		"                                          ======      ======",
		"",
	}, "\n")
	f := parseBytesT(t, []byte(doc), "made-up.txt")
	if len(f.Tables) != 1 || f.Tables[0].Kind != Other {
		t.Fatalf("want one table of kind other, got %d tables %+v", len(f.Tables), f.Tables)
	}
	for _, c := range f.Checks {
		if c.Kind == TieOut {
			t.Errorf("tie-out %s ran on a geographic table", c.Name)
		}
	}
}

// In HTML the double line under Total assets is often drawn by the
// heading row under it: Total assets is then a grand total, and the
// liabilities and equity do not go on over the assets.
func TestHTMLGrandTotalRuledByTheHeadingUnder(t *testing.T) {
	row := func(label, a, b, style string) string {
		return `<tr><td>` + label + `</td><td style="` + style + `">$</td><td style="` + style + `">` + a +
			`</td><td style="` + style + `">$</td><td style="` + style + `">` + b + `</td></tr>`
	}
	doc := func(total string) string {
		return strings.Join([]string{`<html><body>`,
			`<p>EXAMPLE CORPORATION</p><p>CONSOLIDATED BALANCE SHEETS</p><p>(In thousands)</p>`,
			`<table>`,
			`<tr><td></td><td colspan="2">December 31, 1999</td><td colspan="2">December 31, 1998</td></tr>`,
			`<tr><td>ASSETS</td><td colspan="4"></td></tr>`,
			`<tr><td>Current assets:</td><td colspan="4"></td></tr>`,
			row("Cash", "500", "400", ""),
			row("Receivables", "300", "250", ""),
			row("Total current assets", "800", "650", "border-top:1pt solid #000"),
			row("Property, net", "200", "250", ""),
			row("Total assets", "1,000", "900", "border-top:1pt solid #000"),
			`<tr><td>LIABILITIES AND STOCKHOLDERS' EQUITY</td><td colspan="4" style="border-top:3pt double #000"></td></tr>`,
			`<tr><td>Current liabilities:</td><td colspan="4"></td></tr>`,
			row("Accounts payable", "100", "90", ""),
			row("Accrued expenses", "200", "180", ""),
			row("Total current liabilities", "300", "270", "border-top:1pt solid #000"),
			row("Long-term debt", "200", "180", ""),
			row("Total liabilities", "500", "450", "border-top:1pt solid #000"),
			`<tr><td>Stockholders' equity:</td><td colspan="4"></td></tr>`,
			row("Common stock", "100", "100", ""),
			row("Retained earnings", "400", "350", ""),
			row("Total stockholders' equity", "500", "450", "border-top:1pt solid #000"),
			row("Total liabilities and stockholders' equity", total, "900", "border-top:1pt solid #000;border-bottom:3pt double #000"),
			`</table></body></html>`, ""}, "\n")
	}
	const check = "Total liabilities and equity at 1999-12-31"
	if got := tieOuts(t, doc("1,000"))[check]; got != "pass 1000000" {
		t.Fatalf("%s: got %q, want a pass; all: %v", check, got, tieOuts(t, doc("1,000")))
	}
	if got := tieOuts(t, doc("1,009"))[check]; !strings.HasPrefix(got, "fail") {
		t.Errorf("%s with the total altered: got %q, want a failure", check, got)
	}
}

// An EPS check divides the net income line: it fails when the EPS of net
// income is off, but a per-share figure of another income (continuing
// operations, one class of stock, the part attributable to the parent)
// is no failure of it.
func TestEPSOfAnotherIncomeIsNoFailure(t *testing.T) {
	income := []string{
		"Revenue|0|$ 10,000|$ 9,000",
		"Costs and expenses|0|8,000|7,000",
		"---",
		"Income from continuing operations|0|2,000|2,000",
		"Loss from discontinued operations|0|(1,000)|(200)",
		"---",
	}
	shares := []string{
		"Weighted average shares outstanding:|0",
		"Basic|2|1,000|1,000",
		"Diluted|2|1,000|1,000",
	}
	tests := []struct {
		name string
		body []string
		want string // status of EPS basic for 1999
	}{
		{"EPS of net income, right", []string{
			"Net income|0|$ 1,000|$ 1,800",
			"===",
			"Net income per share:|0",
			"Basic|2|$ 1.00|$ 1.80",
			"Diluted|2|$ 1.00|$ 1.80",
		}, "pass"},
		{"EPS of net income, misprinted", []string{
			"Net income|0|$ 1,000|$ 1,800",
			"===",
			"Net income per share:|0",
			"Basic|2|$ 2.00|$ 1.80",
			"Diluted|2|$ 1.00|$ 1.80",
		}, "fail"},
		{"EPS from continuing operations", []string{
			"Net income|0|$ 1,000|$ 1,800",
			"===",
			"Earnings per share from continuing operations:|0",
			"Basic|2|$ 2.00|$ 2.00",
			"Diluted|2|$ 2.00|$ 2.00",
		}, "not run"},
		{"EPS of the part attributable to the parent", []string{
			"Net income|0|$ 1,000|$ 1,800",
			"Net income attributable to noncontrolling interest|0|500|300",
			"---",
			"Net income attributable to Example Corporation|0|$ 500|$ 1,500",
			"===",
			"Net income per share:|0",
			"Basic|2|$ 0.50|$ 1.50",
			"Diluted|2|$ 0.50|$ 1.50",
		}, "not run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := append(append(append([]string{}, income...), tt.body...), shares...)
			doc := madeUpStatement(incomeTitle, yearEnded, body)
			got := tieOuts(t, doc)["EPS basic 12 months to 1999-12-31"]
			if status := got[:max(strings.LastIndex(got, " "), 0)]; status != tt.want {
				t.Errorf("EPS basic: got %q, want %q; all: %v\n%s", status, tt.want, tieOuts(t, doc), doc)
			}
		})
	}
}
