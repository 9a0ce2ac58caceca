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

// boundaryAt is \b at offset i of s.
func boundaryAt(s string, i int) bool {
	before := i > 0 && reWordByte(s[i-1])
	after := i < len(s) && reWordByte(s[i])
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

// foldAt matches the lower-case word w at s[i:] in any case, and returns
// the offset after it, or -1.
func foldAt(s string, i int, w string) int {
	for j := 0; j < len(w); j++ {
		c := w[j]
		switch {
		case i < len(s) && lowerASCII[s[i]] == c:
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
		case i > 0 && lowerASCII[s[i-1]] == c:
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
	for first < len(s) && !reWordByte(s[first]) {
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

// submatch holds a match's offsets as the regular expressions' Submatch
// functions give them: start and end of the whole, then of each group, -1
// for a group that took no part.
type submatch [8]int

// digitsFrom returns the offset after the run of ASCII digits at s[i:].
func digitsFrom(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// thousandsFrom reads `\d{1,3}(?:,\d{3})+` at s[i:] and returns the offset
// after it, or -1: a first group of one to three digits, then as many
// groups of a comma and three digits as stand there.
func thousandsFrom(s string, i int) int {
	d := digitsFrom(s, i)
	if d == i || d-i > 3 {
		return -1
	}
	end := -1
	for d+4 <= len(s) && s[d] == ',' && isDigit(s[d+1]) && isDigit(s[d+2]) && isDigit(s[d+3]) {
		d += 4
		end = d
	}
	return end
}

// fractionFrom reads `\.\d+` at s[i:] and returns the offset after it, or
// -1.
func fractionFrom(s string, i int) int {
	if i < len(s) && s[i] == '.' {
		if d := digitsFrom(s, i+1); d > i+1 {
			return d
		}
	}
	return -1
}

// multiplierFrom reads `\s+(?:w1|w2)\b` at s[i:] and returns the offset
// after it, or -1.
func multiplierFrom(s string, i int, words ...string) int {
	j := skipSpaceRE(s, i)
	if j == i {
		return -1
	}
	return wordAt(s, j, words...)
}

// numberStart: a figure may start at s[i]: a digit at a word boundary.
func numberStart(s string, i int) bool {
	return isDigit(s[i]) && (i == 0 || !reWordByte(s[i-1]))
}

// moneyMatches finds money amounts: "$8.3 million", "$ 2,500,000", "$.03"
// - `\$\s?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(\s+(?:million|billion|thousand)\b)?`.
func moneyMatches(s string) []submatch {
	var out []submatch
	for from := 0; ; {
		k := strings.IndexByte(s[from:], '$')
		if k < 0 {
			return out
		}
		p := from + k
		i := p + 1
		if i < len(s) && isSpaceRE(s[i]) {
			i++
		}
		m := submatch{p, 0, i, 0, -1, -1, -1, -1}
		j := thousandsFrom(s, i)
		if j < 0 {
			j = digitsFrom(s, i)
		}
		m[3] = j
		if f := fractionFrom(s, j); f >= 0 {
			m[4], m[5], j = j, f, f
		}
		if e := multiplierFrom(s, j, "million", "billion", "thousand"); e >= 0 {
			m[6], m[7], j = j, e, e
		}
		m[1] = j
		out = append(out, m)
		from = j
	}
}

// centsMatches finds "31 cents" - `\b(\d{1,3})(\.\d+)?\s+cents?\b`.
func centsMatches(s string) []submatch {
	var out []submatch
	for p := 0; p < len(s); p++ {
		if !numberStart(s, p) {
			continue
		}
		d := digitsFrom(s, p)
		if d-p > 3 {
			p = d - 1
			continue
		}
		m := submatch{p, 0, p, d, -1, -1, -1, -1}
		j := d
		if f := fractionFrom(s, j); f >= 0 {
			m[4], m[5], j = j, f, f
		}
		k := skipSpaceRE(s, j)
		c := -1
		if k > j {
			c = foldAt(s, k, "cent")
		}
		if c < 0 {
			continue
		}
		if e := foldAt(s, c, "s"); e >= 0 && boundaryAt(s, e) {
			c = e
		} else if !boundaryAt(s, c) {
			continue
		}
		m[1] = c
		out = append(out, m)
		p = c - 1
	}
	return out
}

// percentMatches finds "6%", "12.5 percent" - `\b(\d+(?:\.\d+)?)\s?(%|percent\b)`.
func percentMatches(s string) []submatch {
	var out []submatch
	for p := 0; p < len(s); p++ {
		if !numberStart(s, p) {
			continue
		}
		n := digitsFrom(s, p)
		if f := fractionFrom(s, n); f >= 0 {
			n = f
		}
		k := n
		if k < len(s) && isSpaceRE(s[k]) {
			k++
		}
		e := -1
		if k < len(s) && s[k] == '%' {
			e = k + 1
		} else {
			e = wordAt(s, k, "percent")
		}
		if e < 0 {
			continue
		}
		out = append(out, submatch{p, e, p, n, k, e, -1, -1})
		p = e - 1
	}
	return out
}

// shareMatches finds share counts: "2,500,000 shares", "1.2 million
// shares" - `\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion)\b)?\s+shares\b`.
func shareMatches(s string) []submatch {
	var out []submatch
	for p := 0; p < len(s); p++ {
		if !numberStart(s, p) {
			continue
		}
		n := digitsFrom(s, p)
		if f := fractionFrom(s, n); f >= 0 {
			n = f
		}
		for _, end := range []int{thousandsFrom(s, p), n} { // the expression's two readings, in its order
			if end < 0 {
				continue
			}
			if m, ok := sharesAfter(s, p, end); ok {
				out = append(out, m)
				p = m[1] - 1
				break
			}
		}
	}
	return out
}

// sharesAfter reads `(\s+(?:million|billion)\b)?\s+shares\b` after the
// number s[p:n].
func sharesAfter(s string, p, n int) (submatch, bool) {
	if e := multiplierFrom(s, n, "million", "billion"); e >= 0 {
		if f := multiplierFrom(s, e, "shares"); f >= 0 {
			return submatch{p, f, p, n, n, e, -1, -1}, true
		}
	}
	if f := multiplierFrom(s, n, "shares"); f >= 0 {
		return submatch{p, f, p, n, -1, -1, -1, -1}, true
	}
	return submatch{}, false
}

// perShareAfter reads "per share", "a share", "per diluted share", "per
// share (diluted)" at the start of s and returns the words between "per"
// and "share" and the parenthesis after it -
// `^\s+(?:per|a)\s+((?:[a-z]+\s+){0,4}?)share\b(\s*\((?:basic|diluted|primary|fully\s+diluted)\))?`.
func perShareAfter(s string) (words, paren string, ok bool) {
	i := skipSpaceRE(s, 0)
	if i == 0 {
		return "", "", false
	}
	j := foldAt(s, i, "per")
	if j < 0 {
		j = foldAt(s, i, "a")
	}
	if j < 0 {
		return "", "", false
	}
	q0 := skipSpaceRE(s, j)
	if q0 == j {
		return "", "", false
	}
	q := q0
	for k := 0; ; k++ {
		if e := wordAt(s, q, "share"); e >= 0 {
			return s[q0:q], parenAfterShare(s, e), true
		}
		w := lettersFrom(s, q)
		next := skipSpaceRE(s, w)
		if k == 4 || w == q || next == w {
			return "", "", false
		}
		q = next
	}
}

// lettersFrom returns the offset after the run of letters at s[i:], the
// letters (?i)[a-z] matches: ASCII ones, 'ſ' and the Kelvin sign.
func lettersFrom(s string, i int) int {
	for i < len(s) {
		switch {
		case isLetter(s[i]):
			i++
		case strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		case strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return i
		}
	}
	return i
}

// parenAfterShare reads `\s*\((?:basic|diluted|primary|fully\s+diluted)\)`
// at s[i:]: "share (diluted)".
func parenAfterShare(s string, i int) string {
	j := skipSpaceRE(s, i)
	if j >= len(s) || s[j] != '(' {
		return ""
	}
	e := -1
	for _, w := range []string{"basic", "diluted", "primary"} {
		if e = foldAt(s, j+1, w); e >= 0 {
			break
		}
	}
	if e < 0 {
		if f := foldAt(s, j+1, "fully"); f >= 0 {
			if g := skipSpaceRE(s, f); g > f {
				e = foldAt(s, g, "diluted")
			}
		}
	}
	if e < 0 || e >= len(s) || s[e] != ')' {
		return ""
	}
	return s[i : e+1]
}
