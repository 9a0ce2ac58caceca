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

// hasPrefixLower reports whether strings.ToLower(s) starts with prefix (a
// lower-case ASCII word): s's leading bytes when they are ASCII, else the
// lowered copy decides.
func hasPrefixLower(s, prefix string) bool {
	if len(s) < len(prefix) {
		return strings.HasPrefix(strings.ToLower(s), prefix)
	}
	for i := 0; i < len(prefix); i++ {
		if s[i] >= 0x80 {
			return strings.HasPrefix(strings.ToLower(s), prefix)
		}
		if lowerASCII[s[i]] != prefix[i] {
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
