package extract

import "strings"

// Case-folding tests that answer as their lower-cased copies would,
// without making the copies (reference_test.go holds the copying forms).

// containsAnyFoldASCII reports whether asciiLower(s) holds one of words
// (lower case), as containsAny(asciiLower(s), words) does.
func containsAnyFoldASCII(s string, words []string) bool {
	for _, w := range words {
		for i := 0; i+len(w) <= len(s); i++ {
			if lowerASCII[s[i]] == w[0] && foldedAt(s, i, w) {
				return true
			}
		}
	}
	return false
}

// foldedAt: s[i:] starts with w once its ASCII letters are lower-cased.
func foldedAt(s string, i int, w string) bool {
	for j := 1; j < len(w); j++ {
		if lowerASCII[s[i+j]] != w[j] {
			return false
		}
	}
	return true
}

// hasPrefixLower reports whether strings.ToLower(s) starts with prefix (lower-
// case ASCII). Of the characters outside ASCII, only İ lowers to i and the
// Kelvin sign to k; a byte that is not UTF-8 becomes U+FFFD.
func hasPrefixLower(s, prefix string) bool {
	j := 0
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		switch {
		case j < len(s) && lowerASCII[s[j]] == c: // c is ASCII: so is s[j]
			j++
		case c == 'i' && strings.HasPrefix(s[j:], "\u0130"):
			j += len("\u0130")
		case c == 'k' && strings.HasPrefix(s[j:], "\u212a"):
			j += len("\u212a")
		default:
			return false
		}
	}
	return true
}

// lowerInto appends strings.ToLower(s) to dst[:0]: for a map look-up
// through a buffer of the caller's, with no string made.
func lowerInto(dst []byte, s string) []byte {
	dst = dst[:0]
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(dst[:0], strings.ToLower(s)...) // Unicode's cases
		}
		dst = append(dst, lowerASCII[s[i]])
	}
	return dst
}
