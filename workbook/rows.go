package workbook

import (
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowWriter writes a sheet's rows as the XML of its <sheetData>, straight
// into a compressor: a sheet of any length costs the compressor and one
// batch of rows in memory, where excelize's stream writer holds the
// sheet's XML (up to 16 MB a sheet) until the workbook is saved. The
// archive puts the compressed rows between the head and the tail that
// excelize writes for the sheet (see archive).
//
// The XML is the stream writer's, cell for cell, so that the two can be
// held to each other (TestRowsAsExcelize).
type rowWriter struct {
	buf  []byte        // rows not yet compressed
	zw   *flate.Writer // the book's compressor, reset for this sheet
	out  *spill
	crc  uint32
	size int64
	last int // the last row written
	err  error
}

// rowBatch is how many bytes of rows are compressed at a time.
const rowBatch = 32 << 10

// rows is one sheet's rows, compressed: a deflate stream that ends on a
// byte boundary without being final, so that more can follow it.
type rows struct {
	data *spill
	crc  uint32 // of the uncompressed XML
	size int64  // its length
}

// newRowWriter starts a sheet's rows, compressing them with zw.
func newRowWriter(zw *flate.Writer) *rowWriter {
	w := &rowWriter{zw: zw, out: &spill{}}
	zw.Reset(w.out)
	return w
}

// row writes row n: its cells from column A (blank ones skipped), and
// its height in points when height > 0.
func (w *rowWriter) row(n int, cells []excelize.Cell, height float64) error {
	if w.err != nil {
		return w.err
	}
	if n <= w.last || n > maxRows {
		return fmt.Errorf("row %d: rows go in order, from 1 to %d (the last was %d)", n, maxRows, w.last)
	}
	if len(cells) > maxCols {
		return fmt.Errorf("row %d: %d cells, more than a sheet's %d columns", n, len(cells), maxCols)
	}
	w.last = n
	b := append(w.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		if blank(c) {
			continue
		}
		var err error
		if b, err = appendCell(b, i+1, n, c); err != nil {
			return fmt.Errorf("row %d, column %d: %w", n, i+1, err)
		}
	}
	w.buf = append(b, `</row>`...)
	if len(w.buf) >= rowBatch {
		w.compress()
	}
	return w.err
}

// compress sends the rows held to the compressor.
func (w *rowWriter) compress() {
	if len(w.buf) == 0 || w.err != nil {
		return
	}
	w.crc = crc32.Update(w.crc, crc32.IEEETable, w.buf)
	w.size += int64(len(w.buf))
	_, w.err = w.zw.Write(w.buf)
	w.buf = w.buf[:0]
}

// finish ends the rows: the compressor is flushed to a byte boundary
// (not closed: the sheet's tail follows in the same stream).
func (w *rowWriter) finish() (*rows, error) {
	w.compress()
	if w.err == nil {
		w.err = w.zw.Flush()
	}
	w.buf = nil
	if w.err != nil {
		w.out.Close()
		return nil, w.err
	}
	return &rows{data: w.out, crc: w.crc, size: w.size}, nil
}

// appendCell appends a cell's XML as excelize's stream writer writes it:
// its reference and style, a formula as <f> (the cell then typed "str"
// unless its cached value is a number), a number as <v>, text without a
// formula as an inline string.
func appendCell(b []byte, col, row int, c excelize.Cell) ([]byte, error) {
	var t, num, text string
	isText, inline := false, false
	if c.Formula != "" {
		t = "str"
	}
	switch x := c.Value.(type) {
	case nil:
	case int:
		t, num = "", strconv.Itoa(x)
	case int32:
		t, num = "", strconv.FormatInt(int64(x), 10)
	case int64:
		t, num = "", strconv.FormatInt(x, 10)
	case uint:
		t, num = "", strconv.FormatUint(uint64(x), 10)
	case uint32:
		t, num = "", strconv.FormatUint(uint64(x), 10)
	case uint64:
		t, num = "", strconv.FormatUint(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t, text, isText, inline = "inlineStr", fmt.Sprint(x), true, true
			break
		}
		t, num = "", strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		t, num = "b", "0"
		if x {
			num = "1"
		}
	case string:
		t, text, isText, inline = "inlineStr", x, true, c.Formula == ""
		if !inline {
			t = "str" // a formula's cached text
		}
	default:
		return b, fmt.Errorf("a value of type %T", c.Value)
	}
	space := false
	if isText {
		text = cutUTF16(text, maxCellText)
		space = text != "" && (isXMLSpace(text[0]) || isXMLSpace(text[len(text)-1]))
	}
	b = append(b, `<c`...)
	if space && !inline {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, ` r="`...)
	b = appendCellName(b, col, row)
	b = append(b, '"')
	if c.StyleID != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
	}
	if t != "" {
		b = append(b, ` t="`...)
		b = append(b, t...)
		b = append(b, '"')
	}
	b = append(b, '>')
	if c.Formula != "" {
		b = append(b, `<f>`...)
		b = appendEscaped(b, c.Formula, false, false)
		b = append(b, `</f>`...)
	}
	switch {
	case num != "":
		b = append(b, `<v>`...)
		b = append(b, num...)
		b = append(b, `</v>`...)
	case isText && !inline && text != "":
		b = append(b, `<v>`...)
		b = appendEscaped(b, text, false, true)
		b = append(b, `</v>`...)
	case inline:
		b = append(b, `<is><t`...)
		if space {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, text, true, true)
		b = append(b, `</t></is>`...)
	}
	return append(b, `</c>`...), nil
}

// blank says whether a cell is none: no value, formula or style.
func blank(c excelize.Cell) bool { return c.Value == nil && c.Formula == "" && c.StyleID == 0 }

// appendCellName appends a cell's reference ("AB12"); col is within a
// sheet's columns (row checks it).
func appendCellName(b []byte, col, row int) []byte {
	var letters [3]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	b = append(b, letters[i:]...)
	return strconv.AppendInt(b, int64(row), 10)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cutUTF16 cuts s to at most n UTF-16 units, a whole character at a time.
func cutUTF16(s string, n int) string {
	if len(s) <= n { // every character takes at least one byte
		return s
	}
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// startsEscape says whether s begins with "_xHHHH_", HHHH four
// hexadecimal digits.
func startsEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes
// text (the five markup characters, tabs and carriage returns as
// character references, anything XML cannot hold as U+FFFD; line breaks
// too, unless keepNewlines). A cell's text (xEscapes) gets "_x005F"
// before every "_xHHHH_" (HHHH four hexadecimal digits, overlapping
// sequences too), so that a reader, which decodes such sequences, gives
// it back; escaping never makes or breaks one (no character reference
// holds an underscore).
func appendEscaped(b []byte, s string, keepNewlines, xEscapes bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' && c != '_' {
			i++
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '_':
			if xEscapes && startsEscape(s[i:]) {
				b = append(b, s[last:i]...)
				b = append(b, "_x005F"...)
				last = i
			}
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !keepNewlines {
				esc = "&#xA;"
			}
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
			}
		}
		if esc == "" {
			i += width
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar says whether XML can hold r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
