package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/shopspring/decimal"
)

// The fast spreadsheet bound answers as the comparison it replaces, on
// figures of every size around the bound, both signs, any exponent.
func TestBeyondSpreadsheetAsComparison(t *testing.T) {
	coefs := []int64{0, 1, 9, 10, 99, 999999999999999, 1000000000000000, 123456789}
	for _, c := range coefs {
		for exp := int32(-320); exp <= 320; exp++ {
			for _, v := range []decimal.Decimal{decimal.New(c, exp), decimal.New(-c, exp), decimal.New(c, exp).Mul(decimal.New(1, 300))} {
				if got, want := beyondSpreadsheet(v), v.Abs().GreaterThanOrEqual(spreadsheetMax); got != want {
					t.Fatalf("beyondSpreadsheet(%s) = %v, want %v", v, got, want)
				}
			}
		}
	}
	if !beyondSpreadsheet(decimal.New(1, 307)) || beyondSpreadsheet(decimal.RequireFromString("9.99e306")) {
		t.Fatal("the bound is 1e307")
	}
}

// gatedExpressions are the expressions run behind their keys.
var gatedExpressions = map[string]*keyGate{
	"reBalanceTitle": reBalanceTitle, "reCashFlowTitle": reCashFlowTitle, "reIncomeTitle": reIncomeTitle,
	"reTitleWords": reTitleWords, "reScale": reScale, "reNotStatement": reNotStatement,
	"reNoStatementLine": reNoStatementLine, "reBareScale": reBareScale, "reNotReported": reNotReported,
	"reExcept": reExcept, "reMonthDay": reMonthDay, "reYear": reYear, "reMonths": reMonths,
	"reWeeks": reWeeks, "reYearDur": reYearDur, "reQuarter": reQuarter, "reChange": reChange,
	"rePeriodWd": rePeriodWd,
}

// gateMisses returns the names of the gates that refuse s though their
// expression matches it.
func gateMisses(s string, gates map[string]*keyGate) []string {
	var out []string
	for name, g := range gates {
		if g.Regexp.MatchString(s) && !g.mayMatch(s) {
			out = append(out, name)
		}
	}
	return out
}

// referenceTexts are the texts the readers compare old and new ways on:
// hand-picked cases, then every line of the text corpus as it is and
// folded to single spaces.
func referenceTexts(t *testing.T) []string {
	texts := []string{
		"", "Balance Sheets", "BALANCE\tSHEET", "Statements of Consolidated Operations", "Income Statement",
		"Results of Operations", "PROFIT AND LOSS", "Cash Flows", "cashflow", "(In thousands, except per share data)",
		"(000's omitted)", "$000s", "in $000's", "Dollars in Millions", "Unaudited", "XYZ Corp.", "Acme Co",
		"Income", "coincide", "Pro-Forma", "pro  -  forma", "As Adjusted", "Non GAAP", "Nongaap", "Five-Year",
		"Ratios", "per share data", "Three Months Ended", "13-Weeks", "6 mos.", "Sept. 30", "SEPT 30, 1998",
		"FY '99", "FY2001", "fiscal 1999", "Twelve months", "Full Year", "Quarters Ended", "% Change",
		"Increase (Decrease)", "variance", "Percent", "Period", "1999", "2004", "1949", "Year ended",
		"\u212aelvin", "\u017ftatement\u017f", "Bal\u212ance", "caſh flows", "Weighted average shares", "Net sales",
	}
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	for _, name := range corpusFilesIfAny(t, "text") {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			add(line)
			add(strings.Join(strings.Fields(line), " "))
		}
	}
	return texts
}

// A gate never refuses a text its expression matches: the gated
// expressions answer as the bare ones on every corpus text.
func TestGatesPassEveryMatch(t *testing.T) {
	if miss := gateMisses("cash", map[string]*keyGate{"wrong": gate(`(?i)cash`, "flow")}); len(miss) != 1 {
		t.Fatal("a gate whose key a match lacks must be caught")
	}
	texts := referenceTexts(t)
	for name, g := range gatedExpressions {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, s := range texts {
				if g.Regexp.MatchString(s) && !g.mayMatch(s) {
					t.Fatalf("refuses %q, which the expression matches", s)
				}
			}
		})
	}
}

// Only the Kelvin sign and the long s fold to ASCII letters outside
// ASCII, which the gates leave to the expressions.
func TestOnlyTwoRunesFoldToASCII(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 && r != '\u212a' && r != '\u017f' {
				t.Errorf("%U folds to %q", r, f)
			}
		}
	}
}

func FuzzKeyGates(f *testing.F) {
	for _, s := range []string{"Balance Sheets", "three-month period", "in 000's", "\u212a", "FY '01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if miss := gateMisses(s, gatedExpressions); len(miss) > 0 {
			t.Fatalf("%v refuse %q, which the expression matches", miss, s)
		}
	})
}

// withoutParenthesesRef copies every label, as withoutParentheses did
// before it returned one with nothing to take out as it is.
func withoutParenthesesRef(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestWithoutParenthesesAsReference(t *testing.T) {
	for _, s := range append(referenceTexts(t), "Net (loss) income", "a)b", "\xff(x)", "\xffab", "((a)b)c") {
		if got, want := withoutParentheses(s), withoutParenthesesRef(s); got != want {
			t.Fatalf("withoutParentheses(%q) = %q, the reference %q", s, got, want)
		}
	}
}

// keyRef is Period.Key as it was before it appended into one buffer.
func keyRef(p Period) string {
	if p.IsZero() {
		return ""
	}
	if p.IsInstant() {
		return "I" + p.End.Format(isoDate)
	}
	return fmt.Sprintf("D%s..%s", p.Start.Format(isoDate), p.End.Format(isoDate))
}

func TestPeriodKeyAsReference(t *testing.T) {
	ends := []time.Time{{}, date(1999, 12, 31), date(2004, 2, 29), date(1, 1, 1), date(12345, 6, 7), date(-5, 3, 1)}
	for _, end := range ends {
		for _, months := range []int{0, 3, 12} {
			for _, p := range []Period{{End: end}, durationEnding(end, months, 0), durationEnding(end, 0, 13), {Start: end.AddDate(0, -3, 1), End: end, Months: 3}} {
				if got, want := p.Key(), keyRef(p); got != want {
					t.Fatalf("Key of %+v = %q, the reference %q", p, got, want)
				}
			}
		}
	}
}

// The copying forms the fold helpers and the word tests replaced.
func onlyOrdinalsRef(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	for _, w := range words {
		if quarterNumbers[w] == 0 || strings.HasPrefix(w, "q") {
			return false
		}
	}
	return len(words) > 0
}

func onlyMonthNamesRef(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '.' || r == ',' })
	for _, w := range words {
		if _, ok := monthNames[w]; !ok {
			return false
		}
	}
	return len(words) > 0
}

func isDilutionLabelRef(label string) bool {
	return dilutionLabels[strings.ToLower(strings.TrimLeft(strings.TrimSpace(label), "-–—. "))]
}

var foldCases = []string{
	"First  Second", "FIRST", "Q1", "1st 2nd", "Sept.  June", "SEPT., DEC.", "Diluted", "- Diluted", "ASSUMING DILUTION",
	"assum\u0130ng d\u0130lut\u0130on", "Total", "TOTAL assets", "\u0130total", "Less: reserve", "\u212a", "first\u00a0fourth",
	"Ⱥ", "fIrSt", "Fiscal", "YEAR", "month", "\xff", "",
}

// Every corpus text answers the fold helpers and the word tests as the
// lower-cased copies answered them.
func TestFoldsAsReference(t *testing.T) {
	if hasPrefixLower("Totally", "total") != true || hasPrefixLower("Subtotal", "total") {
		t.Fatal("hasPrefixLower must read prefixes")
	}
	texts := append(foldCases, referenceTexts(t)...)
	for _, s := range texts {
		checkFolds(t, s)
		for _, c := range strings.Split(s, "  ") {
			checkFolds(t, strings.TrimSpace(c))
		}
	}
}

func checkFolds(t *testing.T, s string) {
	t.Helper()
	switch {
	case containsAnyFoldASCII(s, periodStems) != containsAny(asciiLower(s), periodStems):
		t.Fatalf("containsAnyFoldASCII(%q) differs from its reference", s)
	case hasPrefixLower(s, "total") != strings.HasPrefix(strings.ToLower(s), "total"),
		hasPrefixLower(s, "less ") != strings.HasPrefix(strings.ToLower(s), "less "):
		t.Fatalf("hasPrefixLower(%q) differs from its reference", s)
	case onlyOrdinals(s) != onlyOrdinalsRef(s):
		t.Fatalf("onlyOrdinals(%q) differs from its reference", s)
	case onlyMonthNames(s) != onlyMonthNamesRef(s):
		t.Fatalf("onlyMonthNames(%q) differs from its reference", s)
	case isDilutionLabel(s) != isDilutionLabelRef(s):
		t.Fatalf("isDilutionLabel(%q) differs from its reference", s)
	}
}

func FuzzFoldsAsReference(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(checkFolds)
}

// lastMonthDayRef is the expression's last match, as readHeader took it.
func lastMonthDayRef(h string) (string, string, bool) {
	all := reMonthDay.FindAllStringSubmatch(h, -1)
	if all == nil {
		return "", "", false
	}
	return all[len(all)-1][1], all[len(all)-1][2], true
}

var monthDayCases = []string{
	"Sept. 30", "SEPT., 30, 1998", "June 30 and December 31", "June 30th", "June 301", "Mar  5", "Mar\t5", "Mar\v5", "xMar 5",
	"_Mar 5", "Mar 5_", "May, 5", "May., 5", "May ,5", "Auguſt 5", "Dec 31, 1999 Jan 1", "January31", "jan 1 feb 2 mar 3",
	"Sep 3é", "é Sep 3", "Sept 30 September 30 Sep 30",
}

func TestLastMonthDayAsReference(t *testing.T) {
	if _, d, ok := lastMonthDay("June 30, 1998 and December 31, 1998"); !ok || d != "31" {
		t.Fatal("the last date's day")
	}
	for _, s := range append(monthDayCases, referenceTexts(t)...) {
		checkMonthDay(t, s)
	}
}

func checkMonthDay(t *testing.T, s string) {
	t.Helper()
	name, day, ok := lastMonthDay(s)
	wantName, wantDay, wantOK := lastMonthDayRef(s)
	if name != wantName || day != wantDay || ok != wantOK {
		t.Fatalf("lastMonthDay(%q) = %q %q %v, the reference %q %q %v", s, name, day, ok, wantName, wantDay, wantOK)
	}
}

func FuzzLastMonthDayAsReference(f *testing.F) {
	for _, s := range monthDayCases {
		f.Add(s)
	}
	f.Fuzz(checkMonthDay)
}
