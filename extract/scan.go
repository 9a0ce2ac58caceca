package extract

import "strings"

// Small hand-written matchers for the prose reader's hot paths, in place
// of case-insensitive regular expressions. Each keeps the exact meaning of
// the expression it replaced (prose_scan_test.go holds the expressions and
// proves it on the corpus and by fuzzing): \s is [\t\n\f\r ], a word byte
// is [0-9A-Za-z_], and a lower-case letter folds as (?i) folds it - 's'
// also matches 'ſ' (U+017F) and 'k' the Kelvin sign (U+212A).

// isSpaceRE is the regular expressions' \s.
func isSpaceRE(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// isWordRE is the regular expressions' \w; the bytes of a non-ASCII rune
// are never word bytes, as the rune is not.
func isWordRE(b byte) bool { return isLetter(b) || isDigit(b) || b == '_' }

// boundaryAt is \b at offset i of s.
func boundaryAt(s string, i int) bool {
	before := i > 0 && isWordRE(s[i-1])
	after := i < len(s) && isWordRE(s[i])
	return before != after
}

// skipSpaceRE returns the offset of the first byte from i that is not \s.
func skipSpaceRE(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// trimSpaceRightRE drops trailing \s.
func trimSpaceRightRE(s string) string {
	i := len(s)
	for i > 0 && isSpaceRE(s[i-1]) {
		i--
	}
	return s[:i]
}

func lowerByte(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// foldAt matches the lower-case word w at s[i:] in any case, and returns
// the offset after it, or -1.
func foldAt(s string, i int, w string) int {
	for j := 0; j < len(w); j++ {
		c := w[j]
		switch {
		case i < len(s) && lowerByte(s[i]) == c:
			i++
		case c == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		case c == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// foldSuffix matches the lower-case word w at the end of s in any case,
// and returns the offset where it starts, or -1.
func foldSuffix(s, w string) int {
	i := len(s)
	for j := len(w) - 1; j >= 0; j-- {
		c := w[j]
		switch {
		case i > 0 && lowerByte(s[i-1]) == c:
			i--
		case c == 's' && strings.HasSuffix(s[:i], "ſ"):
			i -= len("ſ")
		case c == 'k' && strings.HasSuffix(s[:i], "\u212a"):
			i -= len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// endsWithWord reports whether s, less trailing \s, ends with one of the
// words standing as a word of its own at its start (\b): `\b(w1|w2)\s*$`.
func endsWithWord(s string, words ...string) bool {
	s = trimSpaceRightRE(s)
	for _, w := range words {
		if p := foldSuffix(s, w); p >= 0 && boundaryAt(s, p) {
			return true
		}
	}
	return false
}

// wordAt matches one of the words at s[i:] with \b after it, and returns
// the offset after it, or -1.
func wordAt(s string, i int, words ...string) int {
	for _, w := range words {
		if e := foldAt(s, i, w); e >= 0 && boundaryAt(s, e) {
			return e
		}
	}
	return -1
}

// containsWordFold reports whether s holds one of the words, in any case,
// with \b on both sides: `\b(w1|w2)\b`.
func containsWordFold(s string, words ...string) bool {
	for i := 0; i < len(s); i++ {
		if boundaryAt(s, i) && wordAt(s, i, words...) >= 0 {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds one of the words in any case:
// `w1|w2`.
func containsFold(s string, words ...string) bool {
	for i := 0; i < len(s); i++ {
		for _, w := range words {
			if foldAt(s, i, w) >= 0 {
				return true
			}
		}
	}
	return false
}

// orBefore: the text before a percentage ends with "or" (`\bor\s*$`):
// "$39 million, or 32% of revenues" restates a ratio.
func orBefore(s string) bool { return endsWithWord(s, "or") }

// changeWords state a change before a percentage ("increased 6%").
var changeWords = []string{"increased", "decreased", "increase", "decrease", "up", "down", "rose", "fell", "grew", "declined", "improved"}

// changeWordBefore: the text before a percentage ends with a change word,
// perhaps with "by" or "of" after it ("increased by", "a decrease of").
func changeWordBefore(s string) bool {
	s = trimSpaceRightRE(s)
	if endsWithWord(s, changeWords...) {
		return true
	}
	for _, w := range []string{"by", "of"} {
		if p := foldSuffix(s, w); p >= 0 && endsWithWord(s[:p], changeWords...) {
			return true
		}
	}
	return false
}

// changeNext: a change word right after a percentage ("6% increase"):
// `^\s+(increase|...)\b`.
func changeNext(s string) bool {
	i := skipSpaceRE(s, 0)
	return i > 0 && wordAt(s, i, "increase", "decrease", "improvement", "decline", "rise", "drop", "higher", "lower") >= 0
}

// downWord: a word that makes a change a fall.
func downWord(s string) bool {
	return containsFold(s, "decrease", "down", "fell", "decline", "drop", "lower")
}

// ofAfter reads " of " at the start of s (`^\s+of\s+`) and returns the
// offset after it, or -1.
func ofAfter(s string) int {
	i := skipSpaceRE(s, 0)
	if i == 0 {
		return -1
	}
	e := foldAt(s, i, "of")
	if e < 0 {
		return -1
	}
	if j := skipSpaceRE(s, e); j > e {
		return j
	}
	return -1
}

// hasBoundaryWord: a word that ends the clause of an amount before a period phrase:
// "$3.2 million compared to $2.9 million in 1995".
func hasBoundaryWord(s string) bool {
	return containsWordFold(s, "compared", "versus", "vs", "from", "over", "against")
}

// comparedBefore: the text before an amount ends with "compared to",
// "versus", "vs." or "from", perhaps with "a", "an" or "the" after it.
func comparedBefore(s string) bool {
	if s == "" || !isSpaceRE(s[len(s)-1]) {
		return false
	}
	u := trimSpaceRightRE(s)
	if comparedKey(u) {
		return true
	}
	for _, w := range []string{"a", "an", "the"} {
		if p := foldSuffix(u, w); p > 0 && isSpaceRE(u[p-1]) && comparedKey(trimSpaceRightRE(u[:p])) {
			return true
		}
	}
	return false
}

// comparedKey: u ends with `\b(compared\s+(?:to|with)|versus|vs\.?|from)`.
func comparedKey(u string) bool {
	for _, w := range []string{"versus", "vs", "vs.", "from"} {
		if p := foldSuffix(u, w); p >= 0 && boundaryAt(u, p) {
			return true
		}
	}
	for _, w := range []string{"to", "with"} {
		if p := foldSuffix(u, w); p > 0 && isSpaceRE(u[p-1]) {
			v := trimSpaceRightRE(u[:p])
			if q := foldSuffix(v, "compared"); q >= 0 && boundaryAt(v, q) {
				return true
			}
		}
	}
	return false
}

// qualifierAfter reads the words after an item phrase for what qualifies
// it within six words: "revenues generated by", "revenues of the product
// line", "revenues of the segment" -
// `^\W*(?:\S+\s+){0,5}?(generated|product\s+line|segment|division)\b`.
func qualifierAfter(s string) bool {
	first := 0 // the first word byte: all before it may be \W*
	for first < len(s) && !isWordRE(s[first]) {
		first++
	}
	for p := 0; p <= first && p < len(s); p++ {
		if qualifierAt(s, p) {
			return true
		}
	}
	at := first
	for k := 0; k < 5 && at < len(s); k++ {
		for at < len(s) && !isSpaceRE(s[at]) {
			at++
		}
		if at = skipSpaceRE(s, at); at < len(s) && qualifierAt(s, at) {
			return true
		}
	}
	return false
}

func qualifierAt(s string, p int) bool {
	if wordAt(s, p, "generated", "segment", "division") >= 0 {
		return true
	}
	e := foldAt(s, p, "product")
	if e < 0 {
		return false
	}
	if j := skipSpaceRE(s, e); j > e {
		return wordAt(s, j, "line") >= 0
	}
	return false
}
