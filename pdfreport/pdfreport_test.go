package pdfreport

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
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
		{"Gross margin", "32.1%", "17.5%", "14.5%"},
		{"Total operating expenses", "2,033", "2,011", "22", "1.1%"},
		{"Net income (loss)", "(1,223)", "(1,584)", "361", "22.8%"},
		{"Net income (loss) per share, diluted", "(0.03)", "(0.04)", "0.01", "25.0%"},
		// Year to date: H1 FY2004 against H1 FY2003.
		{"USD thousands, except per-share", "H1 FY2004", "H1 FY2003"},
		{"Revenue", "4,643", "4,403", "240", "5.5%"},
		{"Net income (loss)", "(2,462)", "(2,946)", "484", "16.4%"},
		// Liquidity at 2003-12-31 against 2003-06-30.
		{"USD thousands, except per-share", "2003-12-31", "2003-06-30", "Change"},
		{"Cash and equivalents", "8,265", "6,815", "1,450"},
		{"Working capital", "11,550", "10,126", "1,424"},
		{"Current ratio", "6.10x", "5.66x", "0.44x"},
		{"Quick ratio", "4.57x", "4.06x", "0.51x"},
		{"Cash runway (quarters)", "6.8", "6.9", "(0.1)"},
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
	for _, want := range []string{"Title:           ThermoGenesis Corp. — earnings summary", "Author:          ThermoGenesis Corp.",
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
