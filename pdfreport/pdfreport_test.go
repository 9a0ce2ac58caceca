package pdfreport

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
)

func sampleCompany(t *testing.T) *model.Company {
	t.Helper()
	var fs []*extract.Filing
	for _, n := range []string{"000_bb2e246abcbfccf3.txt", "001_0a551a66bcd04f48.txt", "002_841493e996f58f0e.txt"} {
		raw, err := os.ReadFile("../testdata/filings/" + n)
		if err != nil {
			t.Fatal(err)
		}
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), n)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, f)
	}
	return model.Build(fs, model.Options{})[0]
}

func render(t *testing.T, c *model.Company, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, c, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tool runs a poppler or qpdf command on a PDF. Without the command the
// test is skipped, unless FINEXPORT_REQUIRE_TOOLS=1, when it fails.
func tool(t *testing.T, pdf []byte, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("FINEXPORT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (Debian: poppler-utils, qpdf): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args = append(args, file)
	if name == "pdftotext" {
		args = append(args, "-") // to stdout
	}
	out, err := exec.CommandContext(ctx, path, args...).CombinedOutput()
	if err != nil && name != "qpdf" {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// The headline figures, typed from the releases and formatted as the
// workbook shows them, stand on page 1.
func TestHeadlineFigures(t *testing.T) {
	text := tool(t, render(t, sampleCompany(t), Options{}), "pdftotext", "-layout", "-f", "1", "-l", "1")
	lines := strings.Split(text, "\n")
	want := [][]string{
		{"ThermoGenesis Corp. (Nasdaq: KOOL)"},
		{"Latest period: Q2 FY2004"},
		{"Releases: 2003-03-21, 2003-09-24, 2004-02-13"},
		// Q2 FY2004 against Q2 FY2003: change and % change, in thousands
		// (the releases' figures are round thousands of dollars).
		{"USD thousands, except per-share", "Q2 FY2004", "Q2 FY2003", "Change", "% change"},
		{"Revenue", "2,500", "2,350", "150", "6.4%"},
		{"Gross profit", "802", "412", "390", "94.7%"},
		// 802,000 / 2,500,000 - 412,000 / 2,350,000 = 0.1455: points.
		{"Gross margin", "32.1%", "17.5%", "14.5 pp"},
		{"Total operating expenses", "2,033", "2,011", "22", "1.1%"},
		// A % change from a loss is not meaningful.
		{"Net income (loss)", "(1,223)", "(1,584)", "361", "n/m"},
		{"Net income (loss) per share, diluted", "(0.03)", "(0.04)", "0.01", "n/m"},
		// Year to date: H1 FY2004 against H1 FY2003.
		{"USD thousands, except per-share", "H1 FY2004", "H1 FY2003"},
		{"Revenue", "4,643", "4,403", "240", "5.5%"},
		{"Net income (loss)", "(2,462)", "(2,946)", "484", "n/m"},
		// Liquidity at 2003-12-31 against 2003-06-30.
		{"USD thousands, except per-share", "2003-12-31", "2003-06-30", "Change"},
		{"Cash and equivalents", "8,265", "6,815", "1,450"},
		{"Working capital", "11,550", "10,126", "1,424"},
		{"Current ratio", "6.10x", "5.66x", "0.44x"},
		{"Quick ratio", "4.57x", "4.06x", "0.51x"},
		// No cash-flow statement: the runway is on the net loss.
		{"Runway on net loss (quarters)", "6.8", "6.9", "(0.1)"},
		{"All 109 checks pass"},
	}
	at := 0
	for _, w := range want {
		found := false
		for ; at < len(lines) && !found; at++ {
			found = containsInOrder(lines[at], w)
		}
		if !found {
			t.Errorf("page 1 lacks a line with %q (in order, after the previous one)\n%s", w, text)
			return
		}
	}
}

func containsInOrder(line string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(line, p)
		if i < 0 {
			return false
		}
		line = line[i+len(p):]
	}
	return true
}

func TestFailingChecksAreNamed(t *testing.T) {
	c := sampleCompany(t)
	c.Checks[0].Status = extract.Fail
	text := tool(t, render(t, c, Options{}), "pdftotext", "-f", "1", "-l", "1")
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "1 of 109 checks fail: "+c.Checks[0].Name) {
		t.Errorf("page 1 does not name the failing check:\n%s", text)
	}
}

// A release where nothing could be checked does not pass: the report
// says that no check ran, never "All 0 checks pass".
func TestNoCheckRanIsNoPass(t *testing.T) {
	raw, _ := os.ReadFile("../testdata/filings/002_841493e996f58f0e.txt")
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), "002.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(tool(t, render(t, model.Build([]*extract.Filing{f}, model.Options{})[0], Options{}), "pdftotext")), " ")
	if !strings.Contains(text, "No check ran") || strings.Contains(text, "checks pass") {
		t.Errorf("the report does not say that no check ran:\n%s", text)
	}
}

func TestStructureFontsAndSize(t *testing.T) {
	pdf := render(t, sampleCompany(t), Options{})
	if out := tool(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	fonts := tool(t, pdf, "pdffonts")
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) != 3 {
		t.Errorf("want 3 fonts (regular, bold, italic):\n%s", fonts)
	}
	for _, row := range rows {
		f := strings.Fields(row)
		if len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", row)
		}
	}
	if len(pdf) > 200<<10 {
		t.Errorf("%d bytes: too large to email comfortably", len(pdf))
	}
	info := tool(t, pdf, "pdfinfo")
	for _, want := range []string{"Title:           ThermoGenesis Corp. — earnings summary", "Author:          finexport",
		"Subject:         ThermoGenesis Corp.: figures extracted from its filings, checked",
		"Creator:         finexport", "Pages:           4", "Page size:       612 x 792 pts (letter)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	outline := tool(t, pdf, "pdftotext", "-layout")
	for _, section := range []string{"Charts", "Statements", "Notes", "Page 1 of 4", "Page 4 of 4",
		"Q1 FY2004 = H1 FY2004 − Q2 FY2004", "11,976 shares", "$2.39 per share"} {
		if !strings.Contains(outline, section) {
			t.Errorf("the report lacks %q", section)
		}
	}
}

func TestA4(t *testing.T) {
	info := tool(t, render(t, sampleCompany(t), Options{Paper: A4}), "pdfinfo")
	if !strings.Contains(info, "595.28 x 841.89 pts (A4)") {
		t.Errorf("not A4:\n%s", info)
	}
	if err := Write(&bytes.Buffer{}, sampleCompany(t), Options{Paper: "legal"}); err == nil {
		t.Error("legal paper accepted")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	if !bytes.Equal(render(t, sampleCompany(t), Options{}), render(t, sampleCompany(t), Options{})) {
		t.Error("two renders of the same input differ")
	}
}

// Releases unlike the samples render too: no derived quarters, a profit.
func TestOtherCompanies(t *testing.T) {
	for _, doc := range []string{"acme_dec_thousands_crlf_cp1252.txt", "brightwater_submission_52week_millions.txt", "sunrise_52week_q1.txt"} {
		raw, _ := os.ReadFile("../testdata/variants/" + doc)
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), doc)
		if err != nil {
			t.Fatal(err)
		}
		pdf := render(t, model.Build([]*extract.Filing{f}, model.Options{})[0], Options{})
		if out := tool(t, pdf, "qpdf", "--check"); !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", doc, out)
		}
	}
}

// A figure beyond a double's range is drawn as zero, never as Inf or NaN,
// which would corrupt the page.
func TestFiniteForCharts(t *testing.T) {
	huge, _ := decimal.NewFromString("-1" + strings.Repeat("0", 320))
	if got := finite(huge); got != 0 {
		t.Errorf("finite(-1e320) = %v, want 0", got)
	}
	if got := finite(decimal.NewFromInt(42)); got != 42 {
		t.Errorf("finite(42) = %v", got)
	}
}

// The notes name each document without the folders it was read from, and
// a filing its SEC header identifies by CIK and accession, linked on
// EDGAR.
func TestNotesNameDocumentsAndFilings(t *testing.T) {
	raw, err := os.ReadFile("../testdata/variants/brightwater_submission_52week_millions.txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), "../repo/testdata/variants/brightwater_submission_52week_millions.txt")
	if err != nil {
		t.Fatal(err)
	}
	pdf := render(t, model.Build([]*extract.Filing{f}, model.Options{})[0], Options{})
	text := tool(t, pdf, "pdftotext", "-layout")
	for _, want := range []string{"brightwater_submission_52week_millions.txt",
		"CIK 812345, accession 0000950134-03-015501: https://www.sec.gov/Archives/edgar/data/812345/000095013403015501/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the notes lack %q", want)
		}
	}
	if strings.Contains(text, "../") || strings.Contains(text, "testdata/") {
		t.Error("the report shows a local path")
	}
	if !bytes.Contains(pdf, []byte("/URI (https://www.sec.gov/Archives/edgar/data/812345/000095013403015501/)")) {
		t.Error("no link to the filing on EDGAR")
	}
}

// A small value beside a large one does not stretch the axis a whole
// step: a loss of 0.09 million beside revenue of 30 million ends the axis
// at -2 million, not -10.
func TestAxisRange(t *testing.T) {
	for _, tt := range []struct {
		lo, hi            float64
		bottom, top, step float64
	}{
		{-90_000, 30_000_000, -2_000_000, 30_000_000, 10_000_000},
		{-1_600_000, 2_900_000, -1_600_000, 3_000_000, 1_000_000},
		{0, 17_900_000, 0, 20_000_000, 5_000_000},
		{-90_000, 0, -100_000, 0, 20_000},
		{0, 0, 0, 1, 1},
	} {
		b, top, step := axisRange(tt.lo, tt.hi)
		if math.Abs(b-tt.bottom) > 1e-6 || math.Abs(top-tt.top) > 1e-6 || math.Abs(step-tt.step) > 1e-6 {
			t.Errorf("axisRange(%v, %v) = %v, %v, %v; want %v, %v, %v", tt.lo, tt.hi, b, top, step, tt.bottom, tt.top, tt.step)
		}
	}
}

// Series of very different sizes get a scale each: net income of 17.9
// beside revenue of 412.6 would not show on revenue's scale. Sizes within
// a factor of four share one.
func TestPanelsFor(t *testing.T) {
	s := func(vals ...float64) series {
		return series{values: vals, ok: []bool{true, true}}
	}
	for _, tt := range []struct {
		ss   []series
		want string
	}{
		{[]series{s(412.6, 389.0), s(17.9, 13.6)}, "[[0] [1]]"},
		{[]series{s(2.9, 2.5), s(-1.6, -1.2)}, "[[0 1]]"},
		{[]series{s(48.2, 36.0), s(221.0, 202.0)}, "[[0] [1]]"},
		{[]series{s(6.8, 8.3), s(9.6, 11.6)}, "[[0 1]]"},
	} {
		if got := fmt.Sprint(panelsFor(tt.ss)); got != tt.want {
			t.Errorf("panels %s, want %s", got, tt.want)
		}
	}
}

// Periods stand on a time axis: quarters a year apart have the three
// missing quarters between them; a longer gap is shortened to three
// slots and marked with a break; two dates in one quarter take two slots.
func TestTimeAxis(t *testing.T) {
	q := func(fy, quarter int) model.FiscalPeriod { return model.FiscalPeriod{FY: fy, Quarter: quarter} }
	for _, tt := range []struct {
		periods []model.FiscalPeriod
		want    string // slots, slots in all, breaks
	}{
		{[]model.FiscalPeriod{q(2002, 4), q(2003, 4)}, "[0 4] 5 []"},
		{[]model.FiscalPeriod{q(2003, 1), q(2003, 2), q(2003, 3)}, "[0 1 2] 3 []"},
		{[]model.FiscalPeriod{q(2002, 4), q(2003, 3), q(2003, 4), q(2004, 2)}, "[0 3 4 6] 7 []"},
		{[]model.FiscalPeriod{q(1998, 1), q(2003, 1)}, "[0 4] 5 [2]"},
		{[]model.FiscalPeriod{q(2003, 2), q(2003, 2)}, "[0 1] 2 []"},
	} {
		a := placeOnTimeAxis(tt.periods)
		if got := fmt.Sprint(a.slot, " ", a.slots, " ", a.breaks); got != tt.want {
			t.Errorf("%v: %s, want %s", tt.periods, got, tt.want)
		}
	}
}

// Brightwater's net income (17.9 million) beside its revenue (412.6
// million) is drawn on a scale of its own, with its own caption, and its
// axis reads in steps of 5 million.
func TestChartGivesSmallSeriesAScale(t *testing.T) {
	raw, err := os.ReadFile("../testdata/variants/brightwater_submission_52week_millions.txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), "brightwater.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := tool(t, render(t, model.Build([]*extract.Filing{f}, model.Options{})[0], Options{}), "pdftotext", "-layout", "-f", "2", "-l", "2")
	chart := text[:strings.Index(text, "Cash and working capital")]
	if n := strings.Count(chart, "Net income (loss)"); n != 2 {
		t.Errorf("net income named %d times on the chart (caption and legend wanted):\n%s", n, chart)
	}
	for _, label := range []string{"15", "10", "5"} {
		if !regexp.MustCompile(`(?m)^\s*` + label + `\s*$`).MatchString(chart) {
			t.Errorf("no axis label %s for net income:\n%s", label, chart)
		}
	}
}

func variant(t *testing.T, doc string) *model.Company {
	t.Helper()
	raw, err := os.ReadFile("../testdata/variants/" + doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), doc)
	if err != nil {
		t.Fatal(err)
	}
	return model.Build([]*extract.Filing{f}, model.Options{})[0]
}

// linesInOrder reports the first of want that the text lacks, each looked
// for after the previous one; "" when all stand in order.
func linesInOrder(text string, want []string) string {
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w
		}
		at += i + len(w)
	}
	return ""
}

// between is the text from the first from to the next to after it.
func between(text, from, to string) string {
	i := strings.Index(text, from)
	if i < 0 {
		return ""
	}
	text = text[i:]
	if j := strings.Index(text, to); j >= 0 {
		return text[:j]
	}
	return text
}

// Statement order: unmapped rows in their section, in the filing's order;
// cash flows a statement of their own.
func TestStatementOrder(t *testing.T) {
	text := tool(t, render(t, variant(t, "acme_dec_thousands_crlf_cp1252.txt"), Options{}), "pdftotext", "-layout")
	quarters := between(text, "Income statement: quarters", "Income statement: year to date")
	if miss := linesInOrder(quarters, []string{"Research and development", "Restructuring charge (1)", "Total operating expenses", "Net income (loss)"}); miss != "" {
		t.Errorf("the income statement lacks %q in order:\n%s", miss, quarters)
	}
	balance := between(text, "Balance sheets", "Notes")
	if miss := linesInOrder(balance, []string{"Accrued liabilities", "Current portion of long-term debt", "Total current liabilities",
		"Total liabilities and stockholders' equity"}); miss != "" {
		t.Errorf("the balance sheet lacks %q in order:\n%s", miss, balance)
	}
	text = tool(t, render(t, variant(t, "brightwater_submission_52week_millions.txt"), Options{}), "pdftotext", "-layout")
	if miss := linesInOrder(text, []string{"Income statement: year to date and full years", "Net income (loss)", "Balance sheets",
		"Cash flows: year to date and full years", "Net cash from operating activities", "Net increase (decrease) in cash"}); miss != "" {
		t.Errorf("statements lack %q in order:\n%s", miss, text)
	}
	income := between(text, "Income statement: year to date", "Balance sheets")
	if strings.Contains(income, "Net cash") {
		t.Errorf("cash-flow lines stand in the income statement:\n%s", income)
	}
}

// A company reporting in millions is shown in millions, with the scale
// in every table's header, and no figure is cut.
func TestMillionsAreNeverCut(t *testing.T) {
	text := tool(t, render(t, variant(t, "brightwater_submission_52week_millions.txt"), Options{}), "pdftotext", "-layout")
	if miss := linesInOrder(text, []string{
		"USD millions, except per-share", "Q4 FY2003", "Q4 FY2002", "Change", "% change",
		"Revenue", "412.6", "389.0", "23.6", "6.1%", // 23.6 / 389.0 = 6.07%
		"Net income (loss) per share, diluted", "0.58", "0.44", "0.14", "31.8%",
		"USD millions, except per-share", "FY2003", "FY2002",
		"Revenue", "1,602.3", "1,540.8", "61.5", "4.0%", // 61.5 / 1,540.8 = 3.99%
		"Income statement: year to date and full years", "USD millions, except per-share", "FY2002", "FY2003",
		"Revenue", "1,540.8", "1,602.3", "Balance sheets", "USD millions, except per-share",
	}); miss != "" {
		t.Errorf("the report lacks %q in order:\n%s", miss, text)
	}
	if figures := between(text, "", "Source documents"); strings.Contains(figures, "…") { // the notes may cut a file name
		t.Errorf("a figure is cut:\n%s", figures)
	}
}

// A company with a single balance-sheet date renders: the liquidity table
// then has fewer headers than columns.
func TestOneBalanceDate(t *testing.T) {
	at := extract.Period{End: time.Date(2003, 12, 31, 0, 0, 0, 0, time.UTC)}
	f := &extract.Filing{File: "made-up.txt", Company: "Made Up Inc.", Facts: []extract.Fact{
		{Statement: extract.Balance, Item: "cash", Label: "Cash", Period: at, Value: decimal.NewFromInt(1234000), Unit: extract.USD, Source: extract.Source{File: "made-up.txt", Line: 3}},
	}}
	text := tool(t, render(t, model.Build([]*extract.Filing{f}, model.Options{})[0], Options{}), "pdftotext", "-layout", "-f", "1", "-l", "1")
	if miss := linesInOrder(text, []string{"Liquidity at 2003-12-31", "USD thousands, except per-share", "Cash and equivalents", "1,234"}); miss != "" {
		t.Errorf("page 1 lacks %q:\n%s", miss, text)
	}
}

// A headline line that neither period reports gives way: Brightwater
// reports no total operating expenses, so page 1 shows its operating
// income (32.5 against 26.2 million: up 6.3, 24.0%) instead of a row of n/a.
func TestHeadlineShowsOperatingIncomeWithoutOperatingExpenses(t *testing.T) {
	page1 := tool(t, render(t, variant(t, "brightwater_submission_52week_millions.txt"), Options{}), "pdftotext", "-layout", "-f", "1", "-l", "1")
	if miss := linesInOrder(page1, []string{"Gross margin", "Operating income (loss)", "32.5", "26.2", "6.3", "24.0%", "Net income (loss)"}); miss != "" {
		t.Errorf("page 1 lacks %q in order:\n%s", miss, page1)
	}
	if strings.Contains(page1, "Total operating expenses") {
		t.Errorf("page 1 shows total operating expenses, which the release does not report:\n%s", page1)
	}
}
