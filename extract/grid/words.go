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
