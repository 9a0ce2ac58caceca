package extract

import (
	"regexp"
	"strings"
)

// keyGate is a regular expression with the keys one of which every match
// of it holds: a text that holds none is answered without running the
// expression. Case-insensitive expressions backtrack at every position of
// a line, and most lines of a table (labels, figures) hold no key, so the
// gate spares nearly all of their runs while answering exactly as the
// expression does (reference_test.go compares both on every corpus line).
type keyGate struct {
	*regexp.Regexp
	byFirst [256][]gateKey // the keys by their first byte, in lower case
}

// gateKey is a lower-case ASCII word a match holds; a key written
// `\bco\b` must also stand at ASCII word boundaries (as `\b` reads them).
type gateKey struct {
	lit                string
	wordStart, wordEnd bool
}

// gate compiles expr with its keys. Each key must be what every match of
// one of the expression's branches holds, case folded.
func gate(expr string, keys ...string) *keyGate {
	g := &keyGate{Regexp: regexp.MustCompile(expr)}
	for _, k := range keys {
		key := gateKey{lit: k}
		key.lit, key.wordStart = strings.CutPrefix(key.lit, `\b`)
		key.lit, key.wordEnd = strings.CutSuffix(key.lit, `\b`)
		if key.lit != strings.ToLower(key.lit) || key.lit == "" {
			panic("gate key must be lower case: " + k)
		}
		g.byFirst[key.lit[0]] = append(g.byFirst[key.lit[0]], key)
	}
	return g
}

// mayMatch reports whether s holds a key: false means no match.
func (g *keyGate) mayMatch(s string) bool {
	wide := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 && !wide {
			if foldsToASCII(s) {
				return true // the expression folds the Kelvin sign to k and the long s to s: let it answer
			}
			wide = true
		}
		for _, k := range g.byFirst[lowerASCII[c]] {
			if k.at(s, i) {
				return true
			}
		}
	}
	return false
}

// at reports whether the key stands at s[i:].
func (k gateKey) at(s string, i int) bool {
	if len(s)-i < len(k.lit) || !foldedAt(s, i, k.lit) { // its first byte matched already
		return false
	}
	if k.wordStart && i > 0 && reWordByte(s[i-1]) {
		return false
	}
	end := i + len(k.lit)
	return !k.wordEnd || end == len(s) || !reWordByte(s[end])
}

// MatchString is the expression's, run only when s holds a key.
func (g *keyGate) MatchString(s string) bool {
	return g.mayMatch(s) && g.Regexp.MatchString(s)
}

// FindString is the expression's, run only when s holds a key.
func (g *keyGate) FindString(s string) string {
	if !g.mayMatch(s) {
		return ""
	}
	return g.Regexp.FindString(s)
}

// FindStringSubmatch is the expression's, run only when s holds a key.
func (g *keyGate) FindStringSubmatch(s string) []string {
	if !g.mayMatch(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

// foldsToASCII reports a rune that (?i) folds to an ASCII letter: the
// Kelvin sign (k) and the long s (s). No other rune outside ASCII does.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

// reWordByte is `\w` of an expression: ASCII letters, digits, underscore.
func reWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || lowerASCII[c] >= 'a' && lowerASCII[c] <= 'z'
}

// lowerASCII maps a byte to its ASCII lower case; other bytes stay.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()
