package grid

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
// most of it, on hot lines) is returned as it is, without a copy, and
// other text is copied once.
func FoldSpaces(s string) string {
	if folded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // where the word being read starts, or -1 between words
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:]) // a byte not UTF-8 is no space: kept as it is
		}
		switch {
		case !isSpace(c):
			if word < 0 {
				word = i
			}
		case word >= 0:
			writeWord(&b, s[word:i])
			word = -1
		}
		i += n
	}
	if word >= 0 {
		writeWord(&b, s[word:])
	}
	return b.String()
}

// writeWord writes a word, a space before it unless it is the first: a
// word at a time, not a byte.
func writeWord(b *strings.Builder, w string) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(w)
}

// folded: text with no white space but single spaces between words.
func folded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		c, n := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case isSpace(c):
			return false
		}
		i += n
	}
	return true
}

// isSpace is unicode.IsSpace, with the ASCII spaces answered first.
func isSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return c >= utf8.RuneSelf && unicode.IsSpace(c)
}

// IsYear reports a year as a filing prints one over its columns: four
// digits, 1950 to 2099. (A four-digit figure outside that span, 2100 or
// 1234, is an amount printed without its thousands separator.)
func IsYear(s string) bool {
	return len(s) == 4 && allDigits(s) && (s[:2] == "20" || s[:2] == "19" && s[2] >= '5')
}
