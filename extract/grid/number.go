package grid

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Number is a parsed numeric cell as printed, before any scale is applied.
type Number struct {
	Value    decimal.Decimal // sign applied
	Places   int32           // decimal places printed
	Nil      bool            // a dash: zero or nil
	NA       bool            // n/a, NM: no value
	Percent  bool            // printed with %
	Dollar   bool            // printed with $
	Footnote string          // a trailing mark such as (1) or *
}

// ParseNumber parses one numeric cell of a table: "$2,500,000",
// "$(1,223,000)", "($991,000)", "($0.03)", "(12.5)%", "--", "—",
// "1,000(1)", "1,000 *". ok is false when the text is not a number.
func ParseNumber(s string) (n Number, ok bool) {
	s = strings.TrimSpace(s)
	s, n.Footnote = cutFootnote(s)
	if s == "" {
		return Number{}, false
	}
	if len(s) <= len("——") { // no longer text is a dash or n/a
		switch strings.ToLower(s) {
		case "-", "--", "---", "—", "–", "——", "$-", "$--", "$—", "$ -", "$ --", "$ —":
			n.Nil = true
			return n, true
		case "n/a", "na", "nm", "n/m", "*":
			n.NA = true
			return n, true
		}
	}
	neg := false
	// Strip the wrapping in any order: $ ( $ - ... ) %
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
	v, places, valid := plainDecimal(s, neg)
	if !valid {
		return Number{}, false
	}
	n.Value, n.Places = v, places
	return n, true
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// plainDecimal reads 1,234,567.89 or 1234.5 or .5 (commas only between
// groups of three digits), negated when neg. A figure of up to 18 digits,
// every figure of a filing, is read in one pass without copies into the
// decimal the digits' text would parse to; a longer one through its text.
func plainDecimal(s string, neg bool) (decimal.Decimal, int32, bool) {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if s == "" || hasDot && (frac == "" || !allDigits(frac)) || !digitGroups(intPart, hasDot) {
		return decimal.Decimal{}, 0, false
	}
	if len(intPart)+len(frac) > 18 {
		return longDecimal(intPart, frac, hasDot, neg)
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		if c := intPart[i]; c != ',' {
			v = 10*v + int64(c-'0')
		}
	}
	for i := 0; i < len(frac); i++ {
		v = 10*v + int64(frac[i]-'0')
	}
	if neg {
		v = -v
	}
	return decimal.New(v, -int32(len(frac))), int32(len(frac)), true
}

// digitGroups: digits, with commas only between groups of three ("1,234",
// never "1,23" or "1234,567"); no digits only before a point (".5").
func digitGroups(intPart string, hasDot bool) bool {
	if intPart == "" {
		return hasDot
	}
	first := strings.IndexByte(intPart, ',')
	if first < 0 {
		return allDigits(intPart)
	}
	if first == 0 || first > 3 || !allDigits(intPart[:first]) {
		return false
	}
	for rest := intPart[first:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != ',' || !allDigits(rest[1:4]) {
			return false
		}
	}
	return true
}

// longDecimal reads the digits of a figure too long for an int64.
func longDecimal(intPart, frac string, hasDot, neg bool) (decimal.Decimal, int32, bool) {
	out := strings.ReplaceAll(intPart, ",", "")
	if out == "" {
		out = "0"
	}
	if hasDot {
		out += "." + frac
	}
	v, err := decimal.NewFromString(out)
	if err != nil {
		return decimal.Decimal{}, 0, false
	}
	if neg {
		v = v.Neg()
	}
	return v, int32(len(frac)), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cutFootnote removes a trailing footnote mark: "(1)", "(a)", "*", "**",
// "†" or "‡", glued to the number or after one space.
func cutFootnote(s string) (string, string) {
	for _, mark := range []string{"**", "*", "†", "‡"} {
		if rest, ok := strings.CutSuffix(s, mark); ok && rest != "" && rest != "$" {
			return strings.TrimSpace(rest), mark
		}
	}
	if len(s) >= 4 && s[len(s)-1] == ')' && s[len(s)-3] == '(' {
		c := s[len(s)-2]
		rest := strings.TrimSpace(s[:len(s)-3])
		if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z') && endsWithNumber(rest) {
			return rest, s[len(s)-3:]
		}
	}
	return s, ""
}

func endsWithNumber(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == ')' || c == '%'
}
