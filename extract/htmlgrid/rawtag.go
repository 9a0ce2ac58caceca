package htmlgrid

import "bytes"

// The tokenizer's TagName and TagAttr copy every name, key and value they
// return (to replace NUL bytes), a third of the walker's time on a filing
// agent's styled cells. tagScanner reads the same tag from the token's raw
// bytes instead, copying nothing: it follows the tokenizer's own states
// (readTagName, readTagAttrKey, readTagAttrVal in x/net/html), so that it
// splits every tag as the tokenizer does; TestTagScannerAsTokenizer holds
// it to the tokenizer on every tag of the corpus and the fixtures, and
// FuzzTagScanner on any bytes.

// tagScanner reads a start or end tag token's raw bytes: "<td k=v>".
type tagScanner struct {
	raw []byte
	i   int // the next byte to read
}

// newTagScanner starts on a tag token's raw bytes; end is an end tag's
// ("</td>").
func newTagScanner(raw []byte, end bool) tagScanner {
	if end {
		return tagScanner{raw: raw, i: 3} // "</" and the name's first letter
	}
	return tagScanner{raw: raw, i: 2} // "<" and the name's first letter
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// name reads the tag's name as written (not lower-cased), and moves on to
// its attributes.
func (s *tagScanner) name() []byte {
	from := s.i - 1
	for s.i < len(s.raw) {
		c := s.raw[s.i]
		s.i++
		switch {
		case isTagSpace(c):
			return s.raw[from : s.i-1]
		case c == '/' || c == '>':
			s.i--
			return s.raw[from:s.i]
		}
	}
	return s.raw[from:]
}

func (s *tagScanner) skipSpace() {
	for s.i < len(s.raw) && isTagSpace(s.raw[s.i]) {
		s.i++
	}
}

// next reads the next attribute: its key as written and its value as
// written (not unescaped). ok is false at the tag's end. An empty key is
// none: the tokenizer drops it.
func (s *tagScanner) next() (key, val []byte, ok bool) {
	s.skipSpace()
	if s.i >= len(s.raw) || s.raw[s.i] == '>' {
		return nil, nil, false
	}
	key = s.key()
	return key, s.val(), true
}

// key follows readTagAttrKey: an '=' that starts the key is part of it.
func (s *tagScanner) key() []byte {
	from := s.i
	for s.i < len(s.raw) {
		c := s.raw[s.i]
		s.i++
		if c == '=' && from+1 == s.i {
			continue
		}
		if c == '=' || isTagSpace(c) || c == '/' || c == '>' {
			s.i--
			return s.raw[from:s.i]
		}
	}
	return s.raw[from:]
}

// val follows readTagAttrVal.
func (s *tagScanner) val() []byte {
	s.skipSpace()
	if s.i >= len(s.raw) {
		return nil
	}
	c := s.raw[s.i]
	s.i++
	if c == '/' {
		return nil
	}
	if c != '=' {
		s.i--
		return nil
	}
	s.skipSpace()
	if s.i >= len(s.raw) {
		return nil
	}
	quote := s.raw[s.i]
	s.i++
	switch quote {
	case '>':
		s.i--
		return nil
	case '\'', '"':
		from := s.i
		if j := bytes.IndexByte(s.raw[from:], quote); j >= 0 {
			s.i = from + j + 1
			return s.raw[from : from+j]
		}
		s.i = len(s.raw)
		return s.raw[from:]
	}
	from := s.i - 1
	for s.i < len(s.raw) {
		c := s.raw[s.i]
		s.i++
		switch {
		case isTagSpace(c):
			return s.raw[from : s.i-1]
		case c == '>':
			s.i--
			return s.raw[from:s.i]
		}
	}
	return s.raw[from:]
}

// lowerASCII lower-cases s into buf as the tokenizer lower-cases names
// (A-Z only); ok is false when s does not fit or holds a NUL (which the
// tokenizer replaces).
func lowerASCII(buf []byte, s []byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i, c := range s {
		switch {
		case c == 0:
			return nil, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// plainValue: an attribute value the tokenizer returns as written, with
// no entity, carriage return or NUL for it to change.
func plainValue(v []byte) bool {
	return bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 && bytes.IndexByte(v, 0) < 0
}
