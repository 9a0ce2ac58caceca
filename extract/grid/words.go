package grid

import (
	"strings"
	"unicode"
)

// IsHeading reports a heading's text: "Current assets:" or an all-capitals
// "ASSETS". Readers use it to tell a heading from a row; the
// interpretation uses it to open sections.
func IsHeading(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || IsAllCaps(s)
}

// IsAllCaps reports text of three or more letters, none lower case.
func IsAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// FoldSpaces trims text and folds every run of white space to one space,
// as strings.Join(strings.Fields(s), " ") does; text already folded (the
// most of it, on hot lines) is returned as it is, without a copy.
func FoldSpaces(s string) string {
	if folded(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return strings.Join(strings.Fields(s), " ") // Unicode's spaces
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if len(b) > 0 && b[len(b)-1] != ' ' {
				b = append(b, ' ')
			}
		default:
			b = append(b, c)
		}
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// folded: ASCII text with no white space but single spaces between words.
func folded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// IsYear reports a year as a filing prints one over its columns: four
// digits, 1950 to 2099. (A four-digit figure outside that span, 2100 or
// 1234, is an amount printed without its thousands separator.)
func IsYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[:2] == "20" || s[:2] == "19" && s[2] >= '5'
}
