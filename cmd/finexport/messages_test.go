package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"finexport/extract"
)

// An income statement's columns and rows, for the cases below.
const messageIncome = `
                          Three Months Ended
                             March 31,
                          2004        2003
Net revenues            $ 1,000     $   900
Cost of revenues            600         500
                        -------     -------
Gross profit                400         400
`

// Two statements of operations for one quarter, the second with other
// revenues: the line of each <TABLE> and row is counted by hand.
const messageRepeated = "Acme Widgets Inc. reports.\n\n" +
	"                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n" +
	"                          2004        2003\nNet revenues             1,000       1,000\nNet income                 100          90\n</TABLE>\n\n" +
	"                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n" +
	"                          2004        2003\nNet revenues             1,100       1,000\nNet income                 100          90\n</TABLE>\n"

// manyRepeats is n statements of one quarter, each with other revenues.
func manyRepeats(n int) string {
	var b strings.Builder
	b.WriteString("Acme Widgets Inc. reports.\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n                          2004        2003\n")
		fmt.Fprintf(&b, "Net revenues             %5d       1,000\nNet income                 100          90\n</TABLE>\n\n", 1000+i)
	}
	return b.String()
}

// messageScaled is a statement in thousands, its <TABLE> on line 5.
const messageScaled = "Acme Widgets Inc. reports.\n\n                CONSOLIDATED STATEMENTS OF OPERATIONS\n" +
	"                    (In thousands, except per share data)\n<TABLE>\n                               Three Months Ended March 31,\n" +
	"                                    2004        2003\nNet revenues                      12,412      11,493\n" +
	"Income taxes                         318         250\nNet income                           436         120\n</TABLE>\n\n"

// balanceSheet is a balance sheet at date (month and day) 2003.
func balanceSheet(date, cash string) string {
	return "Acme Widgets Inc. reports.\n\n                CONDENSED CONSOLIDATED BALANCE SHEETS\n<TABLE>\n" +
		"                          " + date + "\n                          2003\n" +
		"Cash and cash equivalents            " + cash + "\nTotal current assets             9,000\nTotal assets                    20,000\n</TABLE>\n"
}

type messageFile struct{ name, body string }

// messageCases hold, for every message a diagnostic can carry, a made-up
// input that gives it, and what check prints: the file and line it names,
// its severity, the message and the source line under it, all typed by
// hand. {dir} stands for the folder the files are in.
// TestEveryMessageHasACase keeps the table complete.
var messageCases = []struct {
	name     string
	args     []string // flags for check, if any
	files    []messageFile
	file     string // the file the message names
	line     int    // 0: the message names no line
	severity extract.Severity
	msg      string
	text     string // the source line printed under it; "" for none
}{
	// Reading a file.
	{name: "not UTF-8", files: []messageFile{{"w.txt", "ACME CORP. REPORTS\n\nCaf\xe9 sales rose.\n"}},
		file: "w.txt", line: 3, severity: extract.Warning, msg: "not UTF-8; read as Windows-1252", text: "Café sales rose."},
	{name: "document in a document", files: []messageFile{{"w.txt", "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME REPORTS\n<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>\nMore news\n</TEXT>\n</DOCUMENT>\n"}},
		file: "w.txt", line: 5, severity: extract.Warning, msg: "<DOCUMENT> inside a <DOCUMENT>", text: "<DOCUMENT>"},
	{name: "unclosed document", files: []messageFile{{"w.txt", "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME REPORTS\nSales rose.\n"}},
		file: "w.txt", line: 4, severity: extract.Warning, msg: "unclosed <DOCUMENT>", text: "ACME REPORTS"},
	{name: "exhibit skipped", files: []messageFile{{"w.txt", "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME REPORTS\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n<TOTAL-ASSETS> 1\n</TEXT>\n</DOCUMENT>\n"}},
		file: "w.txt", line: 10, severity: extract.Note, msg: "EX-27 exhibit skipped: it holds no statements", text: "<TOTAL-ASSETS> 1"},
	// Tables of plain text.
	{name: "unclosed table", files: []messageFile{{"w.txt", "Results\n\n<TABLE>" + messageIncome}},
		file: "w.txt", line: 3, severity: extract.Warning, msg: "unclosed <TABLE>: read to the end of the document", text: "<TABLE>"},
	{name: "table in a table", files: []messageFile{{"w.txt", "<TABLE>\nNet revenues  1  2\n<TABLE>" + messageIncome + "</TABLE>\n"}},
		file: "w.txt", line: 3, severity: extract.Warning, msg: "<TABLE> opened inside the <TABLE> of line 1; the first table ends here", text: "<TABLE>"},
	{name: "stray close", files: []messageFile{{"w.txt", "Results\n</TABLE>\n"}},
		file: "w.txt", line: 2, severity: extract.Warning, msg: "</TABLE> without an opening <TABLE>", text: "</TABLE>"},
	{name: "text figure in no column", files: []messageFile{{"w.txt", "<TABLE>\n                          Year Ended December 31,\n                          2003        2002\n" +
		"Net revenues            $ 1,000     $   900\nCost of revenues        600 601         500\n</TABLE>\n"}},
		file: "w.txt", line: 5, severity: extract.Warning, msg: `figure "601" stands in no column of the table; skipped`, text: "Cost of revenues        600 601         500"},
	// Tables of HTML: 3,000 stands in the grid column that 2,000 and
	// 4,000 join to 1,000's, beside 1,000 in its row.
	{name: "html figure in a taken column", files: []messageFile{{"w.htm", "<html><body>\n<table>\n<tr><td></td><td colspan=3>Year Ended December 31, 2003</td></tr>\n" +
		"<tr><td>Net revenues</td><td>1,000</td><td></td><td>3,000</td></tr>\n<tr><td>Cost of revenues</td><td colspan=2>2,000</td></tr>\n" +
		"<tr><td>Gross profit</td><td></td><td colspan=2>4,000</td></tr>\n</table></body></html>\n"}},
		file: "w.htm", line: 4, severity: extract.Warning, msg: `figure "3,000" stands in a column another figure of its row took; skipped`,
		text: "<tr><td>Net revenues</td><td>1,000</td><td></td><td>3,000</td></tr>"},
	// Statements.
	{name: "loss printed positive", files: []messageFile{{"w.txt", "<TABLE>\n                  Year Ended December 31,\n                   2003       2002\nNet loss          1,000        900\n</TABLE>\n"}},
		file: "w.txt", line: 4, severity: extract.Warning, msg: `"Net loss" names a loss but is printed positive; read as negative`, text: "Net loss          1,000        900"},
	{name: "figure beyond a spreadsheet", files: []messageFile{{"w.txt", "<TABLE>\n                  Year Ended December 31,\n                   2003       2002\n" +
		"Net revenues      " + strings.Repeat("9", 320) + "        900\n</TABLE>\n"}},
		file: "w.txt", line: 4, severity: extract.Warning,
		msg: `figure "` + strings.Repeat("9", 320) + `" is beyond what a spreadsheet holds; the workbook shows it as text, the facts CSV keeps it exact`,
		// The line is cut to its first 100 characters, the last an ellipsis.
		text: "Net revenues      " + strings.Repeat("9", 81) + "…"},
	{name: "figure of 19 digits", files: []messageFile{{"w.txt", "<TABLE>\n                  Year Ended December 31,\n                   2003       2002\n" +
		"Net revenues  1234567890123456789        900\n</TABLE>\n"}},
		file: "w.txt", line: 4, severity: extract.Warning,
		msg:  `figure "1234567890123456789" has more than 15 significant digits: the workbook rounds it, the facts CSV keeps it exact`,
		text: "Net revenues  1234567890123456789        900"},
	{name: "no figures", files: []messageFile{{"w.txt", "<TABLE>\n   Directors\n   Jane Doe\n</TABLE>\n"}},
		file: "w.txt", line: 1, severity: extract.Warning, msg: "table has no figures; kept as text", text: "<TABLE>"},
	{name: "one column without a period", files: []messageFile{{"w.txt", "<TABLE>\n                  Alpha\nNet revenues     1,000\nCost of revenues   600\n</TABLE>\n"}},
		file: "w.txt", line: 1, severity: extract.Warning, msg: "column 1 (none) resolves to no period; its figures are kept without one", text: "<TABLE>"},
	{name: "columns without a period", files: []messageFile{{"w.txt", "<TABLE>\n                             Year Ended\n                        Domestic    Foreign\n" +
		"                        --------    -------\nNet revenues               1,000        900\nCost of revenues             600        500\n</TABLE>\n"}},
		file: "w.txt", line: 1, severity: extract.Warning,
		msg: `2 columns resolve to no period (column 1 "Year Ended Domestic", column 2 "Year Ended Foreign"); their figures are kept without one`, text: "<TABLE>"},
	{name: "repeated table", files: []messageFile{{"w.txt", messageRepeated}},
		file: "w.txt", line: 12, severity: extract.Warning,
		msg:  "this table repeats the periods of the table at line 4 with different figures: revenue 3 months to 2004-03-31 is 1000 at line 7 and 1100 at line 15",
		text: "<TABLE>"},
	// 23 tables: 21 repeat the first, and the warnings stop at 20.
	{name: "repeated tables", files: []messageFile{{"w.txt", manyRepeats(23)}},
		file: "w.txt", line: 4, severity: extract.Warning, msg: "... and 2 more tables that repeat periods with different figures", text: "<TABLE>"},
	// Release dates.
	{name: "release year from the trailer", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nDALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported\n" +
		"net sales of $12.4 million.\n\nSOURCE Acme Widgets Inc.\n    -0-                03/05/2002\n"}},
		file: "w.txt", line: 3, severity: extract.Note, msg: "release date March 5 has no year: 2002 from the wire trailer's date 2002-03-05",
		text: "DALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported"},
	{name: "release year from the filing date", files: []messageFile{{"w.txt", "<SEC-HEADER>\nACCESSION NUMBER: 0000000000-02-000001\nCONFORMED SUBMISSION TYPE: 8-K\n" +
		"FILED AS OF DATE: 20020306\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME WIDGETS REPORTS RESULTS\n\n" +
		"DALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported results.\n</TEXT>\n</DOCUMENT>\n"}},
		file: "w.txt", line: 11, severity: extract.Note, msg: "release date March 5 has no year: 2002 from the filing date 2002-03-06",
		text: "DALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported results."},
	{name: "release year from the period end", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nDALLAS, January 24 /PRNewswire/ -- Acme Widgets Inc. today reported results.\n\n<TABLE>" +
		strings.Replace(messageIncome, "March 31", "December 31", 1) + "</TABLE>\n"}},
		file: "w.txt", line: 3, severity: extract.Note, msg: "release date January 24 has no year: 2005 from the latest period end in the tables, 2004-12-31",
		text: "DALLAS, January 24 /PRNewswire/ -- Acme Widgets Inc. today reported results."},
	{name: "release year from the text", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nDALLAS, February 5 /PRNewswire/ -- Acme Widgets Inc. today reported results\n" +
		"for the quarter ended December 31, 2001, against the quarter ended\nDecember 31, 2000; at December 31, 2001 cash was up.\n"}},
		file: "w.txt", line: 3, severity: extract.Note, msg: "release date February 5 has no year: 2002 from the date the text names most, 2001-12-31",
		text: "DALLAS, February 5 /PRNewswire/ -- Acme Widgets Inc. today reported results"},
	{name: "release year left open", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nDALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported results.\n"}},
		file: "w.txt", line: 3, severity: extract.Warning, msg: "release date March 5 has no year and the document gives none: left open",
		text: "DALLAS, March 5 /PRNewswire/ -- Acme Widgets Inc. today reported results."},
	{name: "contradicted year end", args: []string{"-fiscal-year-end", "12-31"},
		files: []messageFile{{"w.txt", "<SEC-HEADER>\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tACME WIDGETS INC\n" +
			"\t\tFISCAL YEAR END:\t\t\t0630\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nACME WIDGETS REPORTS RESULTS\n</TEXT>\n</DOCUMENT>\n"}},
		file: "w.txt", severity: extract.Warning,
		msg: "the filing's fiscal year ends June 30; the year end given (12-31) contradicts it, and periods are named and quarters derived by the year end given"},
	// Tables without a scale note in a release whose statement has one.
	{name: "scale inferred", files: []messageFile{{"w.txt", messageScaled + "                RECONCILIATION OF ADJUSTED EBITDA\n<TABLE>\n" +
		"                               Three Months Ended March 31,\n                                    2004\n" +
		"Net income                           436\nIncome taxes                         318\nAdjusted EBITDA                      754\n</TABLE>\n"}},
		file: "w.txt", line: 14, severity: extract.Warning, msg: "no scale note; column 1 read in thousands, as the figures it shares with the statements show", text: "<TABLE>"},
	{name: "scale left open", files: []messageFile{{"w.txt", messageScaled + "                PERCENTAGE OF NET REVENUES\n<TABLE>\n" +
		"                               Three Months Ended March 31,\n                                    2004        2003\n" +
		"Net revenues                       100.0%      100.0%\nIncome taxes                         2.6         2.2\n</TABLE>\n"}},
		file: "w.txt", line: 14, severity: extract.Warning, text: "<TABLE>",
		msg: "no scale note, while the statements state one, and no figure it shares with them: its amounts are kept as printed under their labels, as no item's figure"},
	// A line of a period's amounts under a column that names only a date.
	{name: "flow at a date", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nOUTLOOK\n<TABLE>\n" +
		"                          Fiscal year ending\n                          June 30, 2005\n" +
		"Revenue                        9,000\n</TABLE>\n"}},
		file: "w.txt", line: 4, severity: extract.Warning, text: "<TABLE>",
		msg: "a line of a period's amounts (Revenue) stands under a column that names only a date: which period it covers is not known, so its figures keep their labels, with no item and no period"},
	// The model of a company.
	{name: "no fiscal year end", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\n<TABLE>" + messageIncome + "</TABLE>\n"}},
		file: "w.txt", severity: extract.Warning, msg: "no release says when the fiscal year ends; assuming December 31 (use --fiscal-year-end)"},
	{name: "stated again", files: []messageFile{{"w.txt", messageRepeated}},
		file: "w.txt", line: 15, severity: extract.Warning, msg: "revenue for Q1 FY2004 is stated again as 1100 (line 7 stated 1000); the first is kept"},
	{name: "two balance-sheet dates", files: []messageFile{{"a.txt", balanceSheet("December 27,", "100")}, {"b.txt", balanceSheet("December 31,", "200")}},
		file: "a.txt", line: 7, severity: extract.Warning, msg: "two balance-sheet dates in Q4 FY2003: 2003-12-31 closes the quarter, 2003-12-27 is kept on a sheet of its own"},
	// The command.
	{name: "same file twice", files: []messageFile{{"a.txt", messageRepeated}, {"b.txt", messageRepeated}},
		file: "b.txt", severity: extract.Note, msg: "the same file as {dir}/a.txt (SHA-256); read once"},
	{name: "no statements", files: []messageFile{{"w.txt", "ACME WIDGETS REPORTS RESULTS\n\nSales rose 5% to $12.4 million.\n"}},
		file: "w.txt", severity: extract.Note, msg: "no statements in this release; its 2 figures are kept as facts and events"},
}

// Each message comes of its made-up input, as check prints it: file,
// line, severity and message, then the source line indented under it.
func TestMessageCases(t *testing.T) {
	for _, tt := range messageCases {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, _, errs := runT(t, append(append([]string{"check"}, tt.args...), dir)...)
			want := filepath.Join(dir, tt.file)
			if tt.line > 0 {
				want += fmt.Sprintf(":%d", tt.line)
			}
			want += ": " + string(tt.severity) + ": " + strings.ReplaceAll(tt.msg, "{dir}", dir) + "\n"
			at := strings.Index(errs, want)
			if at < 0 {
				t.Fatalf("no line %q in\n%s", want, errs)
			}
			if tt.text != "" && !strings.Contains(errs[at:], "\n\t"+tt.text+"\n") {
				t.Errorf("no source line %q under %q in\n%s", tt.text, want, errs)
			}
		})
	}
}

// Every command prints diagnostics sorted by line, whatever order they
// were found in (the encoding is found first), each with its source line
// under it, cleaned of control characters.
func TestDiagnosticsPrintedSortedWithTheirLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.txt")
	doc := "ACME CORP. REPORTS\n\n<TABLE>\n   Directors\n   Jane Doe\n</TABLE>\nCaf\xe9 sales\x1b[2J rose.\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	want := path + ":3: warning: table has no figures; kept as text\n\t<TABLE>\n" +
		path + ":7: warning: not UTF-8; read as Windows-1252\n\tCafé sales [2J rose.\n"
	for _, args := range [][]string{{"check", dir}, {"facts", dir}, {"build", "-o", t.TempDir(), dir}} {
		_, _, errs := runT(t, args...)
		if !strings.Contains(errs, want) {
			t.Errorf("%s: want\n%s\nin\n%s", args[0], want, errs)
		}
	}
}
