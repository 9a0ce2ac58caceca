package textgrid

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for input that is not text.
var ErrBinary = errors.New("not a text file")

// ErrEmpty is returned for an empty input.
var ErrEmpty = errors.New("empty file")

// FirstInvalidUTF8 returns the 1-based line of the first byte that is not
// UTF-8, or 0.
func FirstInvalidUTF8(raw []byte) int {
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			return bytes.Count(raw[:i], []byte{'\n'}) + 1
		}
		i += size
	}
	return 0
}

// Decode turns a document's raw bytes into lines, for every reader. UTF-8 is kept; anything else is
// read as Windows-1252, the superset of Latin-1 that EDGAR filers used. CR
// LF and lone CR end lines; tabs expand to 8-column stops so that columns
// keep their alignment. It returns the encoding name.
func Decode(raw []byte) ([]Line, string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, "", ErrEmpty
	}
	utf16 := ""
	if raw, utf16 = fromUTF16(raw); utf16 != "" && len(bytes.TrimSpace(raw)) == 0 {
		return nil, "", ErrEmpty
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return nil, "", fmt.Errorf("%w: NUL byte at line %d", ErrBinary, bytes.Count(raw[:i], []byte{'\n'})+1)
	}
	if n := controlBytes(raw); n*20 > len(raw) {
		return nil, "", fmt.Errorf("%w: %d control bytes in %d", ErrBinary, n, len(raw))
	}
	encoding := "UTF-8"
	if utf16 != "" {
		encoding = utf16
	}
	text := string(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	if !utf8.ValidString(text) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", ErrBinary, err)
		}
		text, encoding = string(decoded), "Windows-1252"
	}
	return splitLines(text), encoding, nil
}

// splitLines cuts text into its lines, numbered from 1, with tabs
// expanded and no-break spaces read as spaces. A line ends at CR LF, a
// lone CR or LF (as replacing CR LF and then CR by LF and splitting at LF
// would). The next CR and the next LF are each searched for once, when
// the cut passes them: a file without CR is searched for one once.
func splitLines(text string) []Line {
	lines := make([]Line, 0, strings.Count(text, "\n")+1)
	cr, lf := -1, -1 // the next CR and LF at or after pos; len(text) when none
	for pos := 0; ; {
		if cr < pos {
			cr = indexFrom(text, pos, '\r')
		}
		if lf < pos {
			lf = indexFrom(text, pos, '\n')
		}
		end := min(cr, lf)
		p := strings.ReplaceAll(text[pos:end], "\u00a0", " ") // copies only a line that holds one
		lines = append(lines, Line{N: len(lines) + 1, Text: unescapeDash(strings.TrimRight(ExpandTabs(p), " \f\v"))})
		if end == len(text) {
			return lines
		}
		pos = end + 1
		if text[end] == '\r' && pos < len(text) && text[pos] == '\n' {
			pos++
		}
	}
}

// indexFrom is the index of the first c in s at or after from, or len(s).
func indexFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return len(s)
}

// fromUTF16 turns a file that starts with a UTF-16 byte-order mark into
// UTF-8, and names the encoding it was in; other files come back as they
// are, with "".
func fromUTF16(raw []byte) ([]byte, string) {
	var enc encoding.Encoding
	name := ""
	switch {
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		enc, name = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE"
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		enc, name = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE"
	default:
		return raw, ""
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw, "" // not UTF-16 after all: the NUL bytes say so below
	}
	return out, name
}

// controlBytes counts the control bytes of raw other than line ends, tab
// and form feed, by a table: no branch a byte.
func controlBytes(raw []byte) int {
	n := 0
	for _, b := range raw {
		n += int(isControl[b])
	}
	return n
}

var isControl = func() (t [256]uint8) {
	for b := range 32 {
		if b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			t[b] = 1
		}
	}
	return t
}()

// ExpandTabs expands tabs to 8-column stops, so that columns keep their
// alignment. The text between tabs is copied whole, its characters
// counted for the column.
func ExpandTabs(s string) string {
	tabs := strings.Count(s, "\t")
	if tabs == 0 {
		return s
	}
	if !utf8.ValidString(s) {
		return expandTabsRunes(s) // an invalid byte becomes U+FFFD, as ranging over runes reads it
	}
	var b strings.Builder
	b.Grow(len(s) + 7*tabs)
	col := 0
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		col += utf8.RuneCountInString(s[:i])
		pad := 8 - col%8
		b.WriteString(tabStop[:pad])
		col += pad
		s = s[i+1:]
	}
}

const tabStop = "        " // the most spaces a tab expands to

// expandTabsRunes is ExpandTabs rune by rune, for text that is not UTF-8.
func expandTabsRunes(s string) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			for pad := 8 - col%8; pad > 0; pad-- {
				b.WriteByte(' ')
				col++
			}
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// unescapeDash undoes EDGAR's escape of a line that began with "-": the
// filer's "-----" became "- -----". The two characters turn into spaces,
// so that the line keeps its columns.
func unescapeDash(s string) string {
	if strings.HasPrefix(s, "- -") {
		return "  " + s[2:]
	}
	return s
}
