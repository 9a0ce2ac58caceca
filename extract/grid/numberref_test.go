package grid

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// parseNumberRef is ParseNumber as it was before it read digits in one
// pass: the reference the fast reading must equal.
func parseNumberRef(s string) (n Number, ok bool) {
	s = strings.TrimSpace(s)
	s, n.Footnote = cutFootnote(s)
	if s == "" {
		return Number{}, false
	}
	switch strings.ToLower(s) {
	case "-", "--", "---", "—", "–", "——", "$-", "$--", "$—", "$ -", "$ --", "$ —":
		n.Nil = true
		return n, true
	case "n/a", "na", "nm", "n/m", "*":
		n.NA = true
		return n, true
	}
	neg := false
	for {
		switch {
		case strings.HasPrefix(s, "$"):
			n.Dollar = true
			s = strings.TrimSpace(s[1:])
			continue
		case strings.HasPrefix(s, "(") && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, ")%")):
			if neg {
				return Number{}, false
			}
			neg = true
			if strings.HasSuffix(s, ")%") {
				n.Percent = true
				s = s[:len(s)-1]
			}
			s = strings.TrimSpace(s[1 : len(s)-1])
			continue
		case strings.HasSuffix(s, "%"):
			n.Percent = true
			s = strings.TrimSpace(s[:len(s)-1])
			continue
		case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") || strings.HasPrefix(s, "–"):
			if neg {
				return Number{}, false
			}
			neg = true
			_, size := firstRune(s)
			s = strings.TrimSpace(s[size:])
			continue
		}
		break
	}
	digits, places, valid := plainDigitsRef(s)
	if !valid {
		return Number{}, false
	}
	v, err := decimal.NewFromString(digits)
	if err != nil {
		return Number{}, false
	}
	if neg {
		v = v.Neg()
	}
	n.Value, n.Places = v, places
	return n, true
}

func plainDigitsRef(s string) (string, int32, bool) {
	if s == "" {
		return "", 0, false
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || !allDigits(frac)) {
		return "", 0, false
	}
	if intPart == "" && !hasDot {
		return "", 0, false
	}
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if !allDigits(g) || g == "" && intPart != "" {
			return "", 0, false
		}
		if len(groups) > 1 && (i > 0 && len(g) != 3 || i == 0 && len(g) > 3) {
			return "", 0, false
		}
	}
	out := strings.Join(groups, "")
	if out == "" {
		out = "0"
	}
	if hasDot {
		out += "." + frac
	}
	return out, int32(len(frac)), true
}

// sameNumber compares two readings field by field, the decimal by its
// coefficient and exponent (not only its value: 1.50 is not 1.5).
func sameNumber(a, b Number) bool {
	return a.Value.Coefficient().Cmp(b.Value.Coefficient()) == 0 && a.Value.Exponent() == b.Value.Exponent() &&
		a.Places == b.Places && a.Nil == b.Nil && a.NA == b.NA && a.Percent == b.Percent && a.Dollar == b.Dollar && a.Footnote == b.Footnote
}

func checkAsReference(t *testing.T, s string) {
	t.Helper()
	n, ok := ParseNumber(s)
	want, wantOK := parseNumberRef(s)
	if ok != wantOK || !sameNumber(n, want) {
		t.Fatalf("ParseNumber(%q) = %+v %v, the reference %+v %v", s, n, ok, want, wantOK)
	}
}

var numberCases = []string{
	"", "0", "-0", "(0)", ".5", "0.50", "1,234", "1,234.50", "1,2345", "1234,567", ",567", "1,", "1,,234", "12.", ".",
	"$2,500,000", "($0.03)", "$(1,223,000)", "--", "412(a)", "(12.5)%", "1,000 **", "n/a", "N/A", "NM", "— ", "$ —",
	"999999999999999999", "9999999999999999999", "1,000,000,000,000,000,000.25", "123456789012345678.9",
	"0000000000000000000001", "-(5)", "(-5)", "−12", "–12", "1.2.3", "1e5", "Net sales", "2003", "1,234,567,890,123,456",
}

// The one-pass reading gives the reference's numbers, field by field, on
// hand-picked cases and on every chunk and word of the corpus; every line
// folds as strings.Fields would fold it.
func TestParseNumberAsReference(t *testing.T) {
	if sameNumber(Number{Value: decimal.RequireFromString("1.50")}, Number{Value: decimal.RequireFromString("1.5")}) {
		t.Fatal("1.50 and 1.5 must differ")
	}
	for _, s := range numberCases {
		checkAsReference(t, s)
	}
	files, _ := filepath.Glob("../../../shared/corpus/text/*")
	if len(files) == 0 {
		if os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
			t.Fatal("no corpus (FINEXPORT_REQUIRE_CORPUS=1)")
		}
		t.Skip("no corpus")
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if got, want := FoldSpaces(line), strings.Join(strings.Fields(line), " "); got != want {
				t.Fatalf("FoldSpaces(%q) = %q, the reference %q", line, got, want)
			}
			for _, c := range strings.Split(line, "  ") {
				checkAsReference(t, c)
			}
			for _, w := range strings.Fields(line) {
				checkAsReference(t, w)
			}
		}
	}
}

func FuzzParseNumberAsReference(f *testing.F) {
	for _, s := range numberCases {
		f.Add(s)
	}
	f.Fuzz(checkAsReference)
}
