package extract

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// reCompanySuffixEnd is the expression companySuffixEnd replaced.
var reCompanySuffixEnd = regexp.MustCompile(`(?i)\b(corp|inc|co|ltd)\.$`)

var titleScanCases = []string{
	"Balance Sheets", "BALANCE\tSHEET", "balance\vsheet", "balancesheet", "Statement of Financial  Position",
	"financial\ncondition", "Cash Flows", "cashflow", "CASH \r\n FLOW", "cash-flow", "Statements of Consolidated Operations",
	"statementsof income", "Statement of  consolidated\tEarnings", "statement of consolidated consolidated income",
	"STATEMENTS OF COMPREHENSIVE LOSS", "statement of consolidatedincome", "statements  of loss", "Income Statements",
	"income statement", "Results of Operations", "results  of\toperations", "Operations Data", "operationsdata",
	"PROFIT AND LOSS", "profit and  loss", "XYZ Corp.", "Acme Co.", "ACME INC.", "Ltd.", "Co.", "xco.", "_co.",
	"Acme, co.", "Acme Inc. ", "Bal\u212ance Sheet", "Balance \u017fheet", "ca\u017fh flow", "Statement\u017f of Income",
	"Sta\u212ement", "Statement of Operation", "statement", "Xstatements of operations data",
}

func checkTitleScan(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want bool
	}{
		{"isBalanceTitle", isBalanceTitle(s), reBalanceTitle.Regexp.MatchString(s)},
		{"isCashFlowTitle", isCashFlowTitle(s), reCashFlowTitle.Regexp.MatchString(s)},
		{"isIncomeTitle", isIncomeTitle(s), reIncomeTitle.Regexp.MatchString(s)},
		{"companySuffixEnd", companySuffixEnd(s), reCompanySuffixEnd.MatchString(s)},
	} {
		if c.got != c.want {
			t.Fatalf("%s(%q) = %v, the expression %v", c.name, s, c.got, c.want)
		}
	}
}

// The title scanners answer as their expressions on every corpus line.
func TestTitleScanAsReference(t *testing.T) {
	if !isIncomeTitle("Statements of Consolidated Operations") || isBalanceTitle("balance  of sheet") {
		t.Fatal("the scanners must tell titles")
	}
	for _, s := range append(titleScanCases, referenceTexts(t)...) {
		checkTitleScan(t, s)
	}
}

func FuzzTitleScanAsReference(f *testing.F) {
	for _, s := range titleScanCases {
		f.Add(s)
	}
	f.Fuzz(checkTitleScan)
}

// periodStems: a period named in words holds one of them (the words
// digitOrPeriodStem looks for).
var periodStems = []string{"end", "quarter", "fiscal", "month", "week", "year", "period"}

// reYear is the expression yearsIn and firstYear replaced.
var reYear = gate(`(?:\b|FY)(19[5-9]\d|20\d\d)\b`, "19", "20")

// isPeriodWordsRef is isPeriodWords as it was, by the expressions.
func isPeriodWordsRef(s string) bool {
	if !mayNamePeriod(s) {
		return false
	}
	return reMonthDay.MatchString(s) || reMonths.MatchString(s) || reWeeks.MatchString(s) ||
		reYearDur.MatchString(s) || reQuarter.MatchString(s) || reYear.MatchString(s) ||
		rePeriodWd.MatchString(s) || onlyMonthNames(s) || onlyOrdinals(s)
}

var yearCases = []string{
	"1999", "FY1999", "fy1999", "FY 1999", "xFY1999", "AFY1999", "1949", "1950", "2099", "2100", "19999", "_1999",
	"1999_", "1999a", "a1999", "1998 and 1999", "19992000", "1999-2000", "FY2001FY2002", "Fiscal Year '99", "1,999",
	"Ended", "ending", "Endings", "END", "Fisca", "MONTH", "Wee", "YEAR", "perio", "qUARTER", "Quarters", "quarter", "Period", "weeks", "wee\u212as", "Fi\u017fcal", "six months",
}

func checkYears(t *testing.T, s string) {
	t.Helper()
	all := reYear.Regexp.FindAllStringSubmatch(s, -1)
	n, last := yearsIn(s)
	wantLast := 0
	if all != nil {
		wantLast, _ = strconv.Atoi(all[len(all)-1][1])
	}
	if n != len(all) || last != wantLast {
		t.Fatalf("yearsIn(%q) = %d %d, the expression %d %d", s, n, last, len(all), wantLast)
	}
	first := 0
	if m := reYear.Regexp.FindStringSubmatch(s); m != nil {
		first, _ = strconv.Atoi(m[1])
	}
	if got := firstYear(s); got != first {
		t.Fatalf("firstYear(%q) = %d, the expression %d", s, got, first)
	}
	if got, want := hasPeriodWord(s), rePeriodWd.Regexp.MatchString(s); got != want {
		t.Fatalf("hasPeriodWord(%q) = %v, the expression %v", s, got, want)
	}
	if got, want := digitOrPeriodStem(s), strings.ContainsAny(s, "0123456789") || containsAnyFoldASCII(s, periodStems); got != want {
		t.Fatalf("digitOrPeriodStem(%q) = %v, the reference %v", s, got, want)
	}
	if got, want := isPeriodWords(s), isPeriodWordsRef(s); got != want {
		t.Fatalf("isPeriodWords(%q) = %v, the reference %v", s, got, want)
	}
}

// The year and period-word scanners answer as their expressions on every
// corpus line.
func TestYearsAsReference(t *testing.T) {
	if n, last := yearsIn("FY1998 and 2001"); n != 2 || last != 2001 {
		t.Fatal("the years must be counted", n, last)
	}
	for _, s := range append(yearCases, referenceTexts(t)...) {
		checkYears(t, s)
	}
}

func FuzzYearsAsReference(f *testing.F) {
	for _, s := range yearCases {
		f.Add(s)
	}
	f.Fuzz(checkYears)
}

var titleWordCases = []string{
	"Unaudited", "(audited)", "Condensed", "CONSOLIDATED", "Statements", "statement:", "statementss", "Statement_",
	"Sheets", "sheetss", "XYZ Corp.", "Acme Co", "acme co.", "coinc", "Inc", "Incorporated", "Ltd", "Corporation",
	"incorporation", "in thousands", "in\tmillions", "in  billion", "inthousands", "within thousands", "(000 omitted)",
	"Selected", "quarterly", "segments", "Geographic", "proforma", "Pro  Forma", "pro-forma", "Non-GAAP", "nongaap",
	"non--gaap", "five-year", "Ten Year", "five  year", "Reconciliation", "Supplemental", "ratio", "Ratios", "ratioss",
	"xratio", "per share data", "per  share\tdata", "pershare data", "\u017felected", "ratio\u017f", "Statement\u017f",
}

func checkHeaderZoneWords(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		re   *keyGate
		at   func(string, int) bool
	}{
		{name: "reTitleWords", re: reTitleWords, at: titleWordAt},
		{name: "reNotStatement", re: reNotStatement, at: notStatementAt},
		{name: "reNoStatementLine", re: reNoStatementLine, at: noStatementAt},
	} {
		if got, want := anyAt(s, c.re, c.at), c.re.Regexp.MatchString(s); got != want {
			t.Fatalf("the scanner for %s on %q: %v, the expression %v", c.name, s, got, want)
		}
	}
}

// The scanners of title words answer as their expressions on every
// corpus line.
func TestHeaderZoneWordsAsReference(t *testing.T) {
	if anyAt("statementss", reTitleWords, titleWordAt) || !anyAt("Five-Year Summary", reNotStatement, notStatementAt) {
		t.Fatal("the scanners must tell the words")
	}
	for _, s := range append(titleWordCases, referenceTexts(t)...) {
		checkHeaderZoneWords(t, s)
	}
}

func FuzzHeaderZoneWordsAsReference(f *testing.F) {
	for _, s := range titleWordCases {
		f.Add(s)
	}
	f.Fuzz(checkHeaderZoneWords)
}

func checkPerShare(t *testing.T, a, b, c string) {
	t.Helper()
	if got, want := namesPerShare(a, b, c), containsAny(strings.ToLower(a+" "+b+" "+c), perShareWords); got != want {
		t.Fatalf("namesPerShare(%q, %q, %q) = %v, the joined copy %v", a, b, c, got, want)
	}
}

var perShareCases = [][3]string{
	{"Earnings per", "share", ""}, {"", "", "Net income per diluted share"}, {"PER COMMON", "", "SHARE"},
	{"per d\u0130luted", "", ""}, {"Per-Share", "x", "y"}, {"per", "", "share"}, {"\xff per basic", "", ""},
	{strings.Repeat("long label ", 40), "per share", ""},
}

// namesPerShare answers as the lower-cased joined copy did, on every
// corpus line alone and after the line before it.
func TestNamesPerShareAsReference(t *testing.T) {
	if !namesPerShare("Earnings", "per", "share") || namesPerShare("per", "", "") {
		t.Fatal("the words across texts must be found")
	}
	for _, c := range perShareCases {
		checkPerShare(t, c[0], c[1], c[2])
	}
	prev := ""
	for _, s := range referenceTexts(t) {
		checkPerShare(t, prev, "", s)
		checkPerShare(t, s, "", "")
		prev = s
	}
}

func FuzzNamesPerShareAsReference(f *testing.F) {
	for _, c := range perShareCases {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(checkPerShare)
}

var scaleCases = []string{
	"(In thousands, except per share data)", "(000's omitted)", "(000 omitted)", "(000s)", "( $ 000 )", "$000s", "in $000's",
	"in 000s", "in 000'x", "Dollars in Millions", "in EUR millions", "in usd  thousand", "in eur", "In Rand, in thousands",
	"thousands of dollars", "Millions of U.S. dollars", "millions of u. s.  dollars", "millions of u.s.dollars",
	"thousands  of  Dollars", "thousandsof dollars", "$ in billions", "$in billions", "$ thousands", "(thousands)",
	"(millionsx)", "(millions_)", "thousandss of dollars", "x000 omitted", "0000 omitted", "000'somitted", "000's  omitted",
	"within thousands", "in thousands (millions)", "\u017f (in thousands)", "(In thou\u017fands)", "($ in millions) 000 omitted",
	"in\tMILLIONS", "(IN THOUSANDS)", "in", "(", "$", "000", "( $",
}

func checkScale(t *testing.T, s string) {
	t.Helper()
	want := int64(0)
	if m := reScale.Regexp.FindString(s); m != "" {
		want = scaleOf(m).IntPart()
	}
	if got := scaleIn(s); got != want {
		t.Fatalf("scaleIn(%q) = %d, the expression's match gives %d", s, got, want)
	}
}

// scaleIn gives the scale of the expression's first match on every
// corpus line.
func TestScaleAsReference(t *testing.T) {
	if scaleIn("(Dollars in millions, except per share amounts in thousands)") != 1000000 {
		t.Fatal("the first scale named must be read")
	}
	for _, s := range append(scaleCases, referenceTexts(t)...) {
		checkScale(t, s)
	}
}

func FuzzScaleAsReference(f *testing.F) {
	for _, s := range scaleCases {
		f.Add(s)
	}
	f.Fuzz(checkScale)
}

// reNonGAAP is the expression hasNonGAAP replaced, run on lower case.
var reNonGAAP = regexp.MustCompile(`non[\s-]*gaap`)

// namesNotReportedRef and mayBeNotReportedRef are the old forms, on a
// lower-cased copy.
func namesNotReportedRef(h string) bool {
	low := asciiLower(strings.TrimSpace(h))
	return strings.Contains(low, "gaap") && reNonGAAP.MatchString(low) ||
		strings.HasPrefix(low, "pro forma") || strings.HasPrefix(low, "proforma") || strings.HasPrefix(low, "adjusted ")
}

func mayBeNotReportedRef(s string) bool {
	low := asciiLower(s)
	return strings.Contains(low, "forma") || strings.Contains(low, "adjust") || strings.Contains(low, "gaap")
}

var notReportedCases = []string{"Non-GAAP", "non - \t gaap", "NONGAAP", "non--gaap", "nonGAAP adjusted", "  Pro Forma", "PROFORMA",
	"Adjusted EBITDA", "adjusted", "Adjustments", "pro-forma", "non\vgaap", "no gaap", "nonnon gaap", "", "n"}

func checkNotReported(t *testing.T, s string) {
	t.Helper()
	if got, want := namesNotReported(s), namesNotReportedRef(s); got != want {
		t.Fatalf("namesNotReported(%q) = %v, the reference %v", s, got, want)
	}
	if got, want := mayBeNotReported(s), mayBeNotReportedRef(s); got != want {
		t.Fatalf("mayBeNotReported(%q) = %v, the reference %v", s, got, want)
	}
}

// The not-reported tests answer as their lower-cased forms on every
// corpus line.
func TestNotReportedAsReference(t *testing.T) {
	if !namesNotReported(" Non-GAAP results") || namesNotReported("Net sales") {
		t.Fatal("a non-GAAP heading must be told")
	}
	for _, s := range append(notReportedCases, referenceTexts(t)...) {
		checkNotReported(t, s)
	}
}

func FuzzNotReportedAsReference(f *testing.F) {
	for _, s := range notReportedCases {
		f.Add(s)
	}
	f.Fuzz(checkNotReported)
}

// isCaptionRef is isCaption as it was, on a lower-cased copy's fields.
func isCaptionRef(label string) bool {
	fields := strings.Fields(strings.ToLower(label))
	return len(fields) > 0 && !strings.HasSuffix(label, ":") &&
		(fields[0] == "commitments" || fields[0] == "contingencies")
}

var captionCases = []string{"Commitments and contingencies", "COMMITMENTS", " \v Contingencies (Note 5)", "Commitments:", "commitment",
	"COMMİTMENTS", "Commitments\u00a0and", "\u00a0Commitments", "Contingenciesx", "", " ", "x Commitments"}

func checkCaption(t *testing.T, s string) {
	t.Helper()
	if got, want := isCaption(s), isCaptionRef(s); got != want {
		t.Fatalf("isCaption(%q) = %v, the reference %v", s, got, want)
	}
}

// isCaption answers as its copying form on every corpus line.
func TestIsCaptionAsReference(t *testing.T) {
	if !isCaption("Commitments and contingencies (Note 7)") || isCaption("Net sales") {
		t.Fatal("the caption must be told")
	}
	for _, s := range append(captionCases, referenceTexts(t)...) {
		checkCaption(t, s)
	}
}

func FuzzIsCaptionAsReference(f *testing.F) {
	for _, s := range captionCases {
		f.Add(s)
	}
	f.Fuzz(checkCaption)
}
