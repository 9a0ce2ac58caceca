package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func parseFile(t *testing.T, path string) *extract.Filing {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseBytes(t, raw, path[strings.LastIndex(path, "/")+1:])
}

func parseBytes(t *testing.T, raw []byte, name string) *extract.Filing {
	t.Helper()
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func sampleCompany(t *testing.T) *model.Company {
	t.Helper()
	var fs []*extract.Filing
	for _, n := range []string{"000_bb2e246abcbfccf3.txt", "001_0a551a66bcd04f48.txt", "002_841493e996f58f0e.txt"} {
		fs = append(fs, parseFile(t, "../testdata/filings/"+n))
	}
	return model.Build(fs, model.Options{})[0]
}

func render(t *testing.T, c *model.Company) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestSheetNamesAndOrder(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	want := []string{"Cover",
		"Q2 FY2004", "Q1 FY2004", "Q4 FY2003", "Q3 FY2003", "Q2 FY2003", "Q1 FY2003", "Q4 FY2002",
		"Q2 FY2004 vs Q2 FY2003", "Q1 FY2004 vs Q1 FY2003", "Q4 FY2003 vs Q4 FY2002",
		"Quarterly trend", "Annual trend", "Liquidity", "Checks", "Data"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets:\n%q\nwant:\n%q", got, want)
	}
}

// cell returns a cell's formula and raw cached value.
func cell(t *testing.T, f *excelize.File, sheet, ref string) (string, string) {
	t.Helper()
	formula, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return formula, v
}

// The figures the issue names, where a finance user would look for them.
func TestPeriodSheetFigures(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	tests := []struct {
		sheet, ref, formula, value string
	}{
		// Row 6 is revenue on every period sheet; C the quarter, D the year to date.
		{"Q2 FY2004", "A6", "", "Revenue"},
		{"Q2 FY2004", "C6", "", "2500000"},
		{"Q2 FY2004", "D6", "", "4643000"},
		{"Q2 FY2004", "E6", "", "000_bb2e246abcbfccf3.txt:102"},
		{"Q4 FY2003", "D6", "", "10187000"}, // FY2003 on the Q4 sheet
		// Derived quarters are formulas over the sheets they come from.
		{"Q1 FY2004", "C6", "'Q2 FY2004'!D6-'Q2 FY2004'!C6", "2143000"},
		{"Q3 FY2003", "C6", "'Q4 FY2003'!D6-'Q2 FY2003'!D6-'Q4 FY2003'!C6", "2886000"},
		{"Q3 FY2003", "E6", "", "derived: FY2003 − H1 FY2003 − Q4 FY2003"},
	}
	for _, tt := range tests {
		formula, v := cell(t, f, tt.sheet, tt.ref)
		if formula != tt.formula || v != tt.value {
			t.Errorf("%s!%s = %q (formula %q), want %q (formula %q)", tt.sheet, tt.ref, v, formula, tt.value, tt.formula)
		}
	}
	// The same item stands on the same row of every period sheet.
	for _, sheet := range []string{"Q2 FY2004", "Q1 FY2004", "Q4 FY2002"} {
		for ref, label := range map[string]string{"A13": "Net income (loss)", "A20": "Cash and equivalents", "A33": "Total liabilities and stockholders' equity"} {
			if _, v := cell(t, f, sheet, ref); v != label {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, v, label)
			}
		}
	}
}

var (
	// A comparison with zero and the conversion to percentage points are
	// not assumptions: the only literals a formula may hold.
	reAllowedLiteral = regexp.MustCompile(`[<>=]0\b|\*100\b`)
	reQuotedSheet    = regexp.MustCompile(`'[^']*'!`)
	reString         = regexp.MustCompile(`"[^"]*"`)
	reCellRef        = regexp.MustCompile(`\$?[A-Z]{1,3}\$?[0-9]+`)
)

// Comparison, trend and liquidity sheets hold formulas, not pasted values,
// and no formula anywhere carries a literal number.
func TestFormulasNotValues(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	for _, sheet := range []string{"Q2 FY2004 vs Q2 FY2003", "Quarterly trend", "Liquidity"} {
		rows, _ := f.GetRows(sheet)
		numbers, formulas := 0, 0
		for r := 4; r < len(rows); r++ {
			for c := 2; c < len(rows[r]); c++ {
				if rows[r][c] == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					formulas++
				} else if _, err := strconv.ParseFloat(strings.NewReplacer(",", "", "(", "-", ")", "", "%", "").Replace(rows[r][c]), 64); err == nil {
					numbers++ // a number pasted as a value
				}
			}
		}
		if formulas == 0 || numbers != 0 {
			t.Errorf("%s: %d formulas and %d plain values; want only formulas", sheet, formulas, numbers)
		}
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, ref)
				rest := reCellRef.ReplaceAllString(reString.ReplaceAllString(reQuotedSheet.ReplaceAllString(formula, ""), ""), "")
				rest = reAllowedLiteral.ReplaceAllString(rest, "")
				if strings.ContainsAny(rest, "0123456789") {
					t.Errorf("%s!%s: literal number in %q", sheet, ref, formula)
				}
			}
		}
	}
}

// styleOf returns a cell's style.
func styleOf(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func fontColor(t *testing.T, f *excelize.File, sheet, ref string) (string, string) {
	t.Helper()
	st := styleOf(t, f, sheet, ref)
	fill := ""
	if len(st.Fill.Color) > 0 {
		fill = st.Fill.Color[0]
	}
	return strings.ToUpper(st.Font.Color), strings.ToUpper(fill)
}

func TestInputLinkAndFormulaStyles(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	tests := []struct {
		sheet, ref, color, fill string
	}{
		{"Q2 FY2004", "C6", "0000FF", ""},              // extracted: blue
		{"Q1 FY2004", "C6", "000000", "FFF2CC"},        // derived: black formula, marked
		{"Q2 FY2004 vs Q2 FY2003", "C6", "008000", ""}, // link: green (row 5 heads the income statement)
		{"Q2 FY2004 vs Q2 FY2003", "E6", "000000", ""}, // change: black
	}
	for _, tt := range tests {
		if color, fill := fontColor(t, f, tt.sheet, tt.ref); color != tt.color || fill != tt.fill {
			t.Errorf("%s!%s: font %s fill %q, want %s %q", tt.sheet, tt.ref, color, fill, tt.color, tt.fill)
		}
	}
	// Numbers are numbers, never text.
	if typ, _ := f.GetCellType("Q2 FY2004", "C6"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("a figure is stored as %v", typ)
	}
}

func TestDefinedNames(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	names := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Scope == "Workbook" {
			names[n.Name] = n.RefersTo
		}
	}
	for name, want := range map[string]string{
		"revenue_Q2_FY2004":      "'Q2 FY2004'!$C$6",
		"revenue_H1_FY2004":      "'Q2 FY2004'!$D$6",
		"revenue_Q1_FY2004":      "'Q1 FY2004'!$C$6",
		"net_income_FY2003":      "'Q4 FY2003'!$D$13",
		"cash_Q2_FY2004":         "'Q2 FY2004'!$C$20",
		"gross_margin_Q2_FY2004": "'Q2 FY2004'!$C$36",
		"MasterCheck":            "'Checks'!$B$2",
	} {
		if names[name] != want {
			t.Errorf("%s refers to %q, want %q", name, names[name], want)
		}
	}
}

func TestDataTable(t *testing.T) {
	c := sampleCompany(t)
	f := open(t, render(t, c))
	tables, err := f.GetTables("Data")
	if err != nil || len(tables) != 1 || tables[0].Name != "Facts" {
		t.Fatalf("tables %+v (%v)", tables, err)
	}
	rows, _ := f.GetRows("Data")
	if strings.Join(rows[0], ",") != "document,company,statement,item,label,period_start,period_end,months,value,unit,line,period,source,cik,accession" {
		t.Errorf("header %v", rows[0])
	}
	if want := 1 + len(c.Facts) + len(c.Narrative); len(rows) != want || tables[0].Range != "A1:O"+strconv.Itoa(want) {
		t.Errorf("%d rows, table %s; want %d", len(rows), tables[0].Range, want)
	}
}

// A label from a document stays text, however it starts.
func TestFormulaLikeLabelsStayText(t *testing.T) {
	doc := `ACME CORP. REPORTS RESULTS

<TABLE>
                                       Three Months Ended
                                          March 31,
                                       2004        2003
Net revenues                        $ 1,000     $   900
=HYPERLINK("http://x","y")              100          90
+Other gains                             10           9
-Losses on disposal                      (5)         (4)
@Adjustments                              1           1
</TABLE>
`
	f := parseBytes(t, []byte(doc), "evil.txt")
	c := model.Build([]*extract.Filing{f}, model.Options{})[0]
	x := open(t, render(t, c))
	rows, _ := x.GetRows("Q1 FY2004")
	found := 0
	for r, row := range rows {
		if len(row) > 0 && row[0] != "" && strings.ContainsAny(row[0][:1], "=+-@") {
			ref, _ := excelize.CoordinatesToCellName(1, r+1)
			if formula, _ := x.GetCellFormula("Q1 FY2004", ref); formula != "" {
				t.Errorf("%s became a formula %q", row[0], formula)
			}
			found++
		}
	}
	if found != 4 {
		t.Errorf("found %d formula-like labels as text, want 4", found)
	}
}

func TestSameInputSameBytes(t *testing.T) {
	c := sampleCompany(t)
	if !bytes.Equal(render(t, c), render(t, sampleCompany(t))) {
		t.Error("two renders of the same input differ")
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{
		"Q2 FY2004":                              "Q2 FY2004",
		"a/b\\c:d*e?f[g]h":                       "a-b-c-d-e-f-g-h",
		"'quoted'":                               "quoted",
		"":                                       "Sheet",
		"Q2 FY2004 vs Q2 FY2003 and more things": "Q2 FY2004 vs Q2 FY2003 and more",
	} {
		if got := SheetName(in); got != want || len([]rune(got)) > 31 {
			t.Errorf("SheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

// conflictedCompany merges a sample with a copy of the other that restates
// one balance-sheet figure: inventories at 2003-06-30.
func conflictedCompany(t *testing.T) *model.Company {
	t.Helper()
	raw, _ := os.ReadFile("../testdata/filings/001_0a551a66bcd04f48.txt")
	lines := bytes.Split(raw, []byte("\n"))
	lines[116] = bytes.Replace(lines[116], []byte("2,650,000"), []byte("2,750,000"), 1)
	restated := parseBytes(t, bytes.Join(lines, []byte("\n")), "restated.txt")
	return model.Build([]*extract.Filing{parseFile(t, "../testdata/filings/000_bb2e246abcbfccf3.txt"), restated}, model.Options{})[0]
}

func TestConflictsShowAsFailures(t *testing.T) {
	f := open(t, render(t, conflictedCompany(t)))
	if _, v := cell(t, f, "Checks", "B2"); v != "FAIL" {
		t.Errorf("master check %q, want FAIL", v)
	}
	if formula, v := cell(t, f, "Cover", "B10"); formula != "Checks!$B$2" || v != "FAIL" {
		t.Errorf("cover status %q = %q", formula, v)
	}
	// Inventories at 2003-06-30 stand on the Q4 FY2003 sheet, marked.
	if _, fill := fontColor(t, f, "Q4 FY2003", "C22"); fill != "F8CBAD" {
		t.Errorf("conflicting figure fill %q", fill)
	}
	if _, v := cell(t, f, "Q4 FY2003", "E22"); !strings.HasPrefix(v, "CONFLICT:") {
		t.Errorf("conflict source %q", v)
	}
	rows, _ := f.GetRows("Checks")
	found := false
	for _, r := range rows {
		if len(r) > 8 && r[0] == "conflict" && r[8] == "FAIL" {
			found = true
		}
	}
	if !found {
		t.Error("no failing conflict row on the Checks sheet")
	}
}

func TestRanges(t *testing.T) {
	in := []string{"'Q1'!C10", "'Q1'!C11", "'Q1'!C12", "'Q1'!C14", "'Q2'!C15", "'Q2'!C16", "'Q2'!D17"}
	want := "'Q1'!C10:C12|'Q1'!C14|'Q2'!C15|'Q2'!C16|'Q2'!D17"
	if got := strings.Join(ranges(in), "|"); got != want {
		t.Errorf("ranges = %s, want %s", got, want)
	}
}

// A company name that overflows a page header (250 letters, or 130
// ampersands that the header doubles) is cut to fit, never an error.
func TestLongCompanyNameFitsTheHeader(t *testing.T) {
	for _, name := range []string{strings.Repeat("Acme ", 50) + "Inc.", strings.Repeat("&", 130) + " Co."} {
		c := sampleCompany(t)
		c.Name = name
		var buf bytes.Buffer
		if err := Write(&buf, c); err != nil {
			t.Errorf("%d-character name: %v", len(name), err)
		}
		if h := "&L" + headerName(name) + "&R&A"; utf8.RuneCountInString(h) > 255 {
			t.Errorf("header of %d characters", utf8.RuneCountInString(h))
		}
	}
}

// The Data sheet holds every figure read: a % change column's figures
// (no period), a second value one release states for a figure, and both
// values of a conflict between releases.
func TestDataSheetHoldsEveryFigure(t *testing.T) {
	release := func(revenue string) []byte {
		return []byte(`Acme Widgets Inc. reports.

                CONSOLIDATED STATEMENTS OF OPERATIONS
<TABLE>
                     Three Months Ended March 31,
                          2004        2003    % Change
Net revenues             ` + revenue + `       1,000       25%
Net income                 100          90       11%
</TABLE>

                CONSOLIDATED STATEMENTS OF OPERATIONS
<TABLE>
                     Three Months Ended March 31,
                          2004        2003
Net revenues             1,260       1,000
Net income                 100          90
</TABLE>
`)
	}
	a := parseBytes(t, release("1,250"), "a.txt")
	b := parseBytes(t, release("1,270"), "b.txt")
	c := model.Build([]*extract.Filing{a, b}, model.Options{})[0]
	f := open(t, render(t, c))
	rows, err := f.GetRows(DataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{} // value -> source
	for _, r := range rows[1:] {
		if len(r) > 12 && strings.HasPrefix(r[4], "Net revenues") && r[6] == "2004-03-31" || len(r) > 12 && strings.Contains(r[4], "% Change") {
			got[r[8]] = r[12]
		}
	}
	for value, source := range map[string]string{
		"1270": "reported",           // the later release's, used
		"1250": "conflict; not used", // the earlier release's
		"1260": "stated again",       // the second table's, in each release
		"25":   "no period",          // the % change
	} {
		if !strings.HasPrefix(got[value], source) {
			t.Errorf("Net revenues %s: source %q, want %q (have %v)", value, got[value], source, got)
		}
	}
}

// A figure beyond a double's range goes to the sheet as text, never as
// +Inf; an ordinary one as a number.
func TestNumberBeyondADouble(t *testing.T) {
	huge, _ := decimal.NewFromString("1" + strings.Repeat("0", 320))
	if got, ok := number(huge).(string); !ok || !strings.HasPrefix(got, "1000") {
		t.Errorf("number(1e320) = %#v, want the figure as text", number(huge))
	}
	for _, c := range []struct {
		in   string
		want any
	}{
		{"1.5", 1.5},
		{"-0.1", -0.1},
		{"1000.00", int64(1000)},
		{"-999999999999999", int64(-999999999999999)},
		{"1000000000000000", 1e15}, // 10^15 and above: a double, as Excel holds it
		{"12345678901234567", 12345678901234568.0},
		{"0", int64(0)},
	} {
		if got := number(decimal.RequireFromString(c.in)); got != c.want {
			t.Errorf("number(%s) = %#v, want %#v", c.in, got, c.want)
		}
	}
	if got := number(decimal.New(25, 3)); got != int64(25000) {
		t.Errorf("number(25e3) = %#v, want 25000", got)
	}
}

// Two balance-sheet dates in one fiscal quarter (a 10-Q's December 27
// and a release's December 31) keep a cell each: the later closes the
// quarter, the other has a sheet of its own, and a warning says so.
func TestTwoBalanceDatesInOneQuarter(t *testing.T) {
	balance := func(name, date, cash string) *extract.Filing {
		return parseBytes(t, []byte("Acme Widgets Inc. reports.\n\n                CONDENSED CONSOLIDATED BALANCE SHEETS\n<TABLE>\n"+
			"                          "+date+"\n                          2003\n"+
			"Cash and cash equivalents            "+cash+"\nTotal current assets             9,000\nTotal assets                    20,000\n</TABLE>\n"), name)
	}
	c := model.Build([]*extract.Filing{balance("a.txt", "December 27,", "100"), balance("b.txt", "December 31,", "200")}, model.Options{})[0]
	warned := false
	for _, d := range c.Diagnostics {
		warned = warned || strings.Contains(d.Msg, "two balance-sheet dates")
	}
	if !warned {
		t.Error("no warning about two balance-sheet dates in one quarter")
	}
	f := open(t, render(t, c))
	rows, err := f.GetRows(LiquiditySheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 3 && strings.HasPrefix(r[0], "Cash") {
			c1, _ := f.GetCellFormula(LiquiditySheet, "C"+strconv.Itoa(i+1))
			c2, _ := f.GetCellFormula(LiquiditySheet, "D"+strconv.Itoa(i+1))
			if c1 != "'2003-12-27'!C6" || c2 != "'Q4 FY2003'!C6" {
				t.Errorf("Liquidity cash at the two dates links %q and %q: want the sheet of 2003-12-27 and the quarter's", c1, c2)
			}
			return
		}
	}
	t.Error("no cash row on the Liquidity sheet")
}

// The archive's entries are dated - by the latest release, so the same
// input gives the same bytes - never month 0.
func TestZipEntriesAreDated(t *testing.T) {
	c := sampleCompany(t)
	data := render(t, c)
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := c.LatestRelease()
	for _, f := range r.File {
		if f.ModifiedDate == 0 || f.Modified.Year() != want.Year() || f.Modified.Month() != want.Month() || f.Modified.Day() != want.Day() {
			t.Errorf("%s dated %v (DOS date %d), want %s", f.Name, f.Modified, f.ModifiedDate, want.Format("2006-01-02"))
		}
	}
	if !bytes.Equal(data, render(t, sampleCompany(t))) {
		t.Error("two builds of one input differ")
	}
}

// The Liquidity sheet has room for 16,384 columns: past that, it keeps the
// latest dates and says how many it leaves out (lowered here to 4).
func TestLiquidityKeepsTheLatestDates(t *testing.T) {
	defer func(n int) { liquidityDates = n }(liquidityDates)
	liquidityDates = 4
	c := model.Build([]*extract.Filing{wideBalanceSheet(6)}, model.Options{})[0]
	dates := c.BalanceDates()
	if len(dates) != 6 {
		t.Fatalf("%d balance dates, want 6", len(dates))
	}
	f := open(t, render(t, c))
	rows, err := f.GetRows(LiquiditySheet)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[1][0], "The 2 earliest dates are not shown") {
		t.Errorf("note %q does not say that 2 dates are left out", rows[1][0])
	}
	head := rows[headerRow-1][2:]
	if len(head) != 4 || head[0] != dates[2].Name || head[3] != dates[5].Name {
		t.Errorf("date columns %q, want the latest four, %s to %s", head, dates[2].Name, dates[5].Name)
	}
}

// A cell beyond a sheet's columns is an error naming the company, never
// an empty name inside a formula.
func TestCellOutsideTheSheetIsAnError(t *testing.T) {
	err := func() (err error) {
		defer recoverAsError(&err, "Acme Widgets Inc.")
		_ = ref("Q1 FY2004", maxCols+1, 7)
		return nil
	}()
	if err == nil || !strings.HasPrefix(err.Error(), "Acme Widgets Inc.: ") {
		t.Errorf("error %v, want one naming Acme Widgets Inc.", err)
	}
	if got := ref("Q1 FY2004", 3, 7); got != "'Q1 FY2004'!C7" {
		t.Errorf("ref = %q, want 'Q1 FY2004'!C7", got)
	}
}

// zipPart returns one part of the written archive.
func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// Every sheet declares the range it uses (readers size their grids from
// it), and lists its column widths in ascending order, as the schema
// wants: readers that expect that order lose the widths otherwise.
func TestSheetsDeclareTheirRangeAndWidthsInOrder(t *testing.T) {
	data := render(t, sampleCompany(t))
	f := open(t, data)
	reDim := regexp.MustCompile(`<dimension ref="([^"]*)"`)
	reMin := regexp.MustCompile(`<col min="([0-9]+)"`)
	for i, name := range f.GetSheetList() {
		part := zipPart(t, data, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")
		rows, _ := f.GetRows(name)
		last := 0
		for _, r := range rows {
			last = max(last, len(r))
		}
		want := "A1:" + cellName(last, len(rows))
		if m := reDim.FindSubmatch(part); m == nil || string(m[1]) != want {
			t.Errorf("%s declares %q, uses %s", name, m, want)
		}
		prev := 0
		for _, m := range reMin.FindAllSubmatch(part, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= prev {
				t.Errorf("%s: column width for column %d after column %d", name, n, prev)
			}
			prev = n
		}
	}
	// A period sheet: label, unit, two value and two source columns.
	part := zipPart(t, data, "xl/worksheets/sheet2.xml")
	var cols []string
	for _, m := range reMin.FindAllSubmatch(part, -1) {
		cols = append(cols, string(m[1]))
	}
	if got := strings.Join(cols, ","); got != "1,2,3,4,5,6" {
		t.Errorf("period sheet widths for columns %s, want 1,2,3,4,5,6", got)
	}
}

// Every formula carries its value and none is volatile, so the workbook
// does not force Excel to recalculate on open (which marks an unchanged
// file as edited).
func TestNoForcedRecalculation(t *testing.T) {
	data := render(t, sampleCompany(t))
	if wb := zipPart(t, data, "xl/workbook.xml"); bytes.Contains(wb, []byte("fullCalcOnLoad")) {
		t.Error("workbook.xml forces a full recalculation on load")
	}
	f := open(t, data)
	volatile := regexp.MustCompile(`\b(NOW|TODAY|RAND|RANDBETWEEN|OFFSET|INDIRECT|CELL|INFO)\(`)
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c := range row {
				formula, _ := f.GetCellFormula(sheet, cellName(c+1, r+1))
				if volatile.MatchString(formula) {
					t.Errorf("%s!%s: volatile formula %s", sheet, cellName(c+1, r+1), formula)
				}
			}
		}
	}
}

// Sources name the document and line, never the folders it was read from;
// a filing its SEC header identifies is named by CIK and accession number
// and linked on EDGAR.
func TestSourcesShowDocumentNamesAndFilings(t *testing.T) {
	raw, err := os.ReadFile("../testdata/variants/brightwater_submission_52week_millions.txt")
	if err != nil {
		t.Fatal(err)
	}
	local := "../repo/testdata/variants/brightwater_submission_52week_millions.txt"
	c := model.Build([]*extract.Filing{parseBytes(t, raw, local)}, model.Options{})[0]
	f := open(t, render(t, c))
	const name = "brightwater_submission_52week_millions.txt"
	const filing = "CIK 812345, accession 0000950134-03-015501"
	const url = "https://www.sec.gov/Archives/edgar/data/812345/000095013403015501/"
	row := strconv.Itoa(planLayout(c).itemRow["revenue"])
	formula, v := cell(t, f, "Q4 FY2003", "E"+row)
	if v != name+":61 · "+filing || !strings.HasPrefix(formula, `HYPERLINK("`+url+`",`) {
		t.Errorf("revenue's source: %q =%s", v, formula)
	}
	var checkSources, dataCIK, dataAccession bool
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, cells := range rows {
			for col, text := range cells {
				if strings.Contains(text, "../") || strings.Contains(text, "testdata/") {
					t.Errorf("%s!%s shows a local path: %q", sheet, cellName(col+1, r+1), text)
				}
				checkSources = checkSources || sheet == ChecksSheet && strings.HasPrefix(text, name+" ("+filing+"): ")
				dataCIK = dataCIK || sheet == DataSheet && text == "0000812345"
				if sheet == DataSheet && text == "0000950134-03-015501" {
					formula, _ := f.GetCellFormula(sheet, cellName(col+1, r+1))
					dataAccession = dataAccession || strings.HasPrefix(formula, `HYPERLINK("`+url+`"`)
				}
			}
		}
	}
	if !checkSources || !dataCIK || !dataAccession {
		t.Errorf("filing shown in Checks sources %v, Data cik %v, Data accession linked %v", checkSources, dataCIK, dataAccession)
	}
}

// A source stands apart from the figure to its left, however that figure
// ends: left-aligned with an indent, since a negative's bracket fills its
// cell to the right edge.
func TestSourcesStandApartFromFigures(t *testing.T) {
	c := sampleCompany(t)
	f := open(t, render(t, c))
	row := strconv.Itoa(planLayout(c).itemRow["net_income"])
	if _, v := cell(t, f, "Q2 FY2004", "D"+row); v != "-2462000" {
		t.Fatalf("H1 FY2004 net loss shows %q", v)
	}
	for _, ref := range []string{"E" + row, "F" + row} {
		id, _ := f.GetCellStyle("Q2 FY2004", ref)
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || st.Alignment.Horizontal != "left" || st.Alignment.Indent < 1 {
			t.Errorf("source %s: alignment %+v, want left with an indent", ref, st.Alignment)
		}
	}
}

// rowAt finds the row (1-based) whose column A reads label, or 0.
func rowAt(t *testing.T, f *excelize.File, sheet, label string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == label {
			return r + 1
		}
	}
	return 0
}

// Rows no synonym maps stand in their statement, in the filing's order,
// on every period sheet; cash flows are a statement of their own on the
// comparison sheets; only a line whose parts are shown is bold.
func TestStatementRowsFollowThePlan(t *testing.T) {
	acme := model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/acme_dec_thousands_crlf_cp1252.txt")}, model.Options{})[0]
	f := open(t, render(t, acme))
	for _, sheet := range []string{"Q4 FY2003", "Q4 FY2002"} {
		for _, run := range [][]string{
			{"Research and development", "Restructuring charge (1)", "Total operating expenses"},
			{"Accrued liabilities", "Current portion of long-term debt", "Total current liabilities"},
		} {
			first := rowAt(t, f, sheet, run[0])
			for i, label := range run {
				if got := rowAt(t, f, sheet, label); first == 0 || got != first+i {
					t.Errorf("%s: %q on row %d, want %d", sheet, label, got, first+i)
				}
			}
		}
	}
	// The 2002 restructuring charge of $412,000, in the quarter and the year.
	r := rowAt(t, f, "Q4 FY2002", "Restructuring charge (1)")
	for _, col := range []string{"C", "D"} {
		if _, v := cell(t, f, "Q4 FY2002", col+strconv.Itoa(r)); v != "412000" {
			t.Errorf("Q4 FY2002!%s%d = %q, want 412000", col, r, v)
		}
	}

	bw := model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/brightwater_submission_52week_millions.txt")}, model.Options{})[0]
	f = open(t, render(t, bw))
	for label, bold := range map[string]bool{"Net cash from investing activities": false, "Net increase (decrease) in cash": true, "Net income (loss)": true, "Income taxes": false} {
		ref := "A" + strconv.Itoa(rowAt(t, f, "Q4 FY2003", label))
		id, _ := f.GetCellStyle("Q4 FY2003", ref)
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil || st.Font.Bold != bold {
			t.Errorf("Q4 FY2003!%s %q: bold %v, want %v", ref, label, st.Font != nil && st.Font.Bold, bold)
		}
	}
	cmp := "Q4 FY2003 vs Q4 FY2002"
	if h, l := rowAt(t, f, cmp, "Cash flows"), rowAt(t, f, cmp, "Net cash from operating activities"); h == 0 || l != h+1 || h < rowAt(t, f, cmp, "Net income (loss)") {
		t.Errorf("%s: the cash flows heading on row %d, its first line on row %d", cmp, h, l)
	}
}

// Money is shown at the company's display scale by the number format
// alone: cells keep full units. The variant reports in millions.
func TestDisplayScaleIsANumberFormat(t *testing.T) {
	bw := model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/brightwater_submission_52week_millions.txt")}, model.Options{})[0]
	f := open(t, render(t, bw))
	r := strconv.Itoa(rowAt(t, f, "Q4 FY2002", "Revenue"))
	tests := []struct{ sheet, ref, value, format string }{
		{"Q4 FY2002", "B" + r, "USD millions", ""},
		{"Q4 FY2002", "D" + r, "1540800000", `#,##0.0,,_);(#,##0.0,,);"–"_);@_)`}, // FY2002 revenue
		{"Q4 FY2002", "C" + r, "389000000", `#,##0.0,,_);(#,##0.0,,);"–"_);@_)`},  // Q4 FY2002 revenue
		{"Q4 FY2002", "C" + strconv.Itoa(rowAt(t, f, "Q4 FY2002", "Net income (loss) per share, diluted")), "0.44", `#,##0.00_);(#,##0.00);"–"_);@_)`},
	}
	for _, tt := range tests {
		_, v := cell(t, f, tt.sheet, tt.ref)
		if v != tt.value {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.ref, v, tt.value)
		}
		if tt.format == "" {
			continue
		}
		id, _ := f.GetCellStyle(tt.sheet, tt.ref)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != tt.format {
			t.Errorf("%s!%s: number format %v, want %s", tt.sheet, tt.ref, numFormat(t, f, tt.sheet, tt.ref), tt.format)
		}
	}
}

// Two unmapped rows of one label each link, on the comparison sheet, to
// their own row of the period sheets.
func TestUnmappedRowsSharingALabelLinkToTheirOwnCells(t *testing.T) {
	var facts []extract.Fact
	for _, y := range []int{2002, 2003} {
		q := extract.Period{Start: time.Date(y, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), Months: 3}
		for i, v := range []int64{1000, 100, 200} {
			x := extract.Fact{Statement: extract.Income, Label: "Other", Period: q, Value: decimal.NewFromInt(v + int64(y)), Unit: extract.USD,
				Source: extract.Source{File: "made-up.txt", Line: 10 + i}}
			if i == 0 {
				x.Item, x.Label = "revenue", "Revenue"
			}
			facts = append(facts, x)
		}
	}
	c := model.Build([]*extract.Filing{{File: "made-up.txt", Company: "Made Up Inc.", Facts: facts}}, model.Options{})[0]
	f := open(t, render(t, c))
	rows, _ := f.GetRows("Q4 FY2003 vs Q4 FY2002")
	var got []string
	for r, row := range rows {
		if len(row) > 0 && row[0] == "Other" {
			formula, _ := cell(t, f, "Q4 FY2003 vs Q4 FY2002", "C"+strconv.Itoa(r+1))
			got = append(got, formula)
		}
	}
	// Revenue on row 6 of the period sheets, the two "Other" rows on 7 and 8.
	if want := []string{"'Q4 FY2003'!C7", "'Q4 FY2003'!C8"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", got, want)
	}
	// The Checks sheet finds each of them in its own cell too (a check
	// citing the first one links there, not to the Data sheet).
	b := &book{c: c, layout: planLayout(c)}
	for _, x := range c.FactsIn("Q4 FY2003") {
		if _, ok := b.shownAt(x); x.Label == "Other" && !ok {
			t.Errorf("Other %s of Q4 FY2003 has no cell for the Checks sheet", x.Value)
		}
	}
}

// A save that failed part-way writes nothing: excelize closes the zip
// writer even then, and a partial workbook must not look whole.
func TestFailedSaveWritesNothing(t *testing.T) {
	var out bytes.Buffer
	a := &archive{w: &out}
	w, err := a.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(`<worksheet><dimension ref="A1"/><sheetData></sheetData></worksheet>`)); err != nil {
		t.Fatal(err)
	}
	a.failed = errors.New("disk full")
	if err := a.Close(); err == nil || out.Len() != 0 {
		t.Errorf("Close after a failure: %v, %d bytes written", err, out.Len())
	}
}

// On the Data sheet the period stands apart from the line number at its
// left, which is right-aligned: "141 2003-12-31", never "1412003-12-31".
func TestDataPeriodStandsApartFromLine(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	st := styleOf(t, f, DataSheet, "L2")
	if st.Alignment == nil || st.Alignment.Horizontal != "left" || st.Alignment.Indent < 1 {
		t.Errorf("Data!L2 (period) alignment %+v, want left with an indent", st.Alignment)
	}
	if _, v := cell(t, f, DataSheet, "L1"); v != "period" {
		t.Errorf("Data!L1 = %q, want the period column", v)
	}
}

// cutRunes counts characters, not bytes, and leaves room for its mark.
func TestCutRunes(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		mark string
		want string
	}{
		{"abc", 3, "…", "abc"},
		{"abcd", 3, "…", "ab…"},
		{"Société", 7, "…", "Société"}, // 7 characters in 8 bytes: not cut
		{"Sociétés", 7, " …", "Socié …"},
		{"", 2, "…", ""},
	} {
		if got := cutRunes(c.in, c.n, c.mark); got != c.want {
			t.Errorf("cutRunes(%q, %d, %q) = %q, want %q", c.in, c.n, c.mark, got, c.want)
		}
	}
}
