// Package htmlgrid reads HTML documents (EDGAR exhibits written by filing
// agents) into the neutral grid of package grid: the tables with their
// header rows and body rows, and the visible text around them. It parses
// with golang.org/x/net/html's tokenizer in one pass, so that every piece
// of text keeps its place in the file, and runs no regular expression over
// the raw HTML.
package htmlgrid

import (
	"bytes"
	"io"

	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"finexport/extract/grid"
	"finexport/extract/textgrid"
)

// Line is a line of visible text and the file line it starts on.
type Line = textgrid.Line

// cell is a table cell as read, before it is placed in the grid.
type cell struct {
	// Its text as shown, folded as it comes by collapse's rules: every
	// run of white space one space, none at the start, and a space after
	// the last word written only when another word follows. While its
	// table is open the text is text[from:to] of the table's buffer (a
	// table's cells are written one after another: one buffer serves them
	// all); when it closes, str.
	from, to int
	str      string
	space    bool // white space after the last word written
	colspan  int
	rowspan  int
	pos      grid.Pos
	at       int  // byte offset of its first text
	indent   int  // points of padding, margin and indent, plus leading spaces
	top      byte // the rule its top border draws: '-' or '=' (0 none)
	bottom   byte
	started  bool // some visible text seen
	// The paragraphs of its text after the first, split where blocks
	// start and end: a layout table's cell holds a page of titles and
	// notes.
	paras []cellPara
	brk   bool // a block boundary since the last text
	num   grid.Number
	isNum bool // its text reads as a figure
	num1  bool // num and isNum are worked out
}

// plain is the cell's text collapsed, once its table is closed.
func (c *cell) plain() string { return c.str }

// textLen is the length of the cell's text written so far.
func (c *cell) textLen() int { return c.to - c.from }

// seal takes the cell's text from its table's text, made a string once
// for all its cells.
func (c *cell) seal(text string) { c.str = text[c.from:c.to] }

// write adds text to the cell's, at the end of its table's buffer,
// folding its white space as collapse does: the text is built once, not
// built and then folded.
func (c *cell) write(buf *[]byte, s []byte) {
	b := *buf
	if c.to != len(b) { // never so: a table's cells are written in turn
		from := len(b)
		b = append(b, b[c.from:c.to]...)
		c.from = from
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(s[i:])
		}
		if isSpace(r) {
			c.space = c.space || !zeroWidth(r)
		} else {
			if c.space && len(b) > c.from {
				b = append(b, ' ')
			}
			c.space = false
			switch {
			case r < utf8.RuneSelf:
				b = append(b, s[i])
			case r == utf8.RuneError && n == 1:
				b = utf8.AppendRune(b, r) // a bad byte as U+FFFD, as collapse writes it
			default:
				b = append(b, s[i:i+n]...)
			}
		}
		i += n
	}
	*buf, c.to = b, len(b)
}

// figure is the cell's text read as a figure, worked out once: whether
// its table holds figures asks, and so does building it.
func (c *cell) figure() (grid.Number, bool) {
	if !c.num1 {
		c.num, c.isNum = figure(c.plain())
		c.num1 = true
	}
	return c.num, c.isNum
}

// cellPara is a paragraph of a cell's text: where it starts in the text,
// and its byte offset in the file.
type cellPara struct{ from, at, line int }

type row struct {
	cells []*cell
	line  int
	top   byte
	bot   byte
}

type table struct {
	rows       []*row
	start, end int    // lines
	at         int    // byte offset
	nested     bool   // holds a statement table: a layout table
	held       bool   // holds another table, statement or not
	outer      *cell  // the cell of the enclosing table it stands in
	text       []byte // its cells' text, while it is open
	widest     int    // the most cells a row has held
}

// para is a paragraph of visible text and the byte offset it starts at:
// a filing agent's file can hold a whole release on one line, so only
// offsets order text and tables.
type para struct {
	Line
	at     int
	center bool
}

// element is an open element on the walker's stack.
type element struct {
	tag    tagID
	hidden bool // display:none or the hidden attribute, here or above: not laid out
	// visibility:hidden, here or above: laid out, its text not shown (a
	// cell keeps its place in the row)
	invisible bool
	raised    bool // a superscript or raised text: a footnote mark
	center    bool // centred text, here or above: a title's place
	indent    int  // points this element indents its content
	boxed     bool // shown as a box of its own (display: block, inline-block, ...): its text stands apart
}

// walker turns the token stream into tables and paragraphs.
type walker struct {
	lines  []Line
	starts []int                        // byte offset of each line, in the lines joined by newlines
	nums   []int                        // the file's line number of each line
	last   struct{ line, off, col int } // the last position asked for
	stack  []element
	open   [][]int          // the stack indexes of the open elements, by tag
	tags   map[string]tagID // the ids of the tags without a fixed one
	tables []*table         // open tables, innermost last
	done   []*table
	cell   *cell // the open cell of the innermost table, if any

	para   []byte // the paragraph being gathered outside tables
	paraAt int
	center bool // the paragraph is centred
	prose  []para

	pre      bool
	preAt    int
	preLines []Line // lines of a <pre> block
	preBrk   bool   // a block boundary in the <pre> block since its last text
	pres     []preBlock

	cells  []cell // cells and rows allocated, not yet taken
	rows   []row
	slots  []*cell              // room for rows' cells, not yet taken
	texts  [][]byte             // closed tables' text buffers, to be used again
	styles map[string]styleInfo // parsed inline styles: filing agents repeat a few thousands of times
}

// style parses an inline style once per distinct text.
func (w *walker) style(v []byte) styleInfo {
	if len(v) == 0 {
		return styleInfo{}
	}
	st, ok := w.styles[string(v)] // no copy to look up
	if !ok {
		if w.styles == nil {
			w.styles = map[string]styleInfo{}
		}
		s := string(v)
		st = parseStyle(s)
		w.styles[s] = st
	}
	return st
}

func newWalker(lines []Line) *walker {
	w := &walker{open: make([][]int, knownTags), lines: lines}
	w.last.line = -1
	w.starts, w.nums = make([]int, len(lines)), make([]int, len(lines))
	off := 0
	for i, l := range lines {
		w.starts[i], w.nums[i] = off, l.N
		off += len(l.Text) + 1
	}
	return w
}

// docReader reads the document's lines as one text, each line ended by
// a newline, without copying them into one piece first.
type docReader struct {
	lines []Line
	i, at int // the line read next, and how far into it
}

func (r *docReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && r.i < len(r.lines) {
		if t := r.lines[r.i].Text; r.at < len(t) {
			k := copy(p[n:], t[r.at:])
			n, r.at = n+k, r.at+k
			continue
		}
		p[n] = '\n'
		n, r.i, r.at = n+1, r.i+1, 0
	}
	if n == 0 && r.i >= len(r.lines) {
		return 0, io.EOF
	}
	return n, nil
}

// posAt is the file position of a byte offset; the column counts
// characters. Positions are asked for in file order, so the count goes
// on from the last one asked on the same line (a filing agent's file can
// hold a whole release on one line).
func (w *walker) posAt(off int) grid.Pos {
	i := w.lineIndex(off)
	if i < 0 {
		return grid.Pos{}
	}
	from, col := w.starts[i], 1
	if w.last.line == i && w.last.off >= from && w.last.off <= off {
		from, col = w.last.off, w.last.col
	}
	col += w.runes(i, from-w.starts[i], off-w.starts[i])
	w.last.line, w.last.off, w.last.col = i, off, col
	return grid.Pos{Line: w.nums[i], Col: col}
}

// lineAt is the file line of a byte offset: no column to count, and the
// place posAt counts on from is left as it is.
func (w *walker) lineAt(off int) int {
	if i := w.lineIndex(off); i >= 0 {
		return w.nums[i]
	}
	return 0
}

// lineIndex is the index of the line holding a byte offset, or -1: most
// often the line last asked about.
func (w *walker) lineIndex(off int) int {
	if i := w.last.line; i >= 0 && w.starts[i] <= off && (i+1 == len(w.starts) || off < w.starts[i+1]) {
		return i
	}
	return sort.SearchInts(w.starts, off+1) - 1
}

// runes counts the characters of line i, its newline included, from
// byte a to byte b.
func (w *walker) runes(i, a, b int) int {
	t := w.lines[i].Text
	n := 0
	if b > len(t) && a <= len(t) {
		n = 1 // the newline
	}
	return n + utf8.RuneCountInString(t[min(a, len(t)):min(b, len(t))])
}

// preBlock is a <pre> block's lines and where it starts.
type preBlock struct {
	lines []Line
	at    int
}

// walk reads the whole document.
func (w *walker) walk() {
	z := html.NewTokenizer(&docReader{lines: w.lines})
	off := 0
	for {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			w.pop(0, off)
			w.endPara()
			w.endPre()
			for len(w.tables) > 0 {
				w.closeTable(off)
			}
			return
		case html.TextToken:
			if !w.hidden() { // text not shown is not even unescaped
				m := w.measure(z.Raw()) // before Text unescapes Raw's bytes in place
				w.text(z.Text(), m, off)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, a := w.startTag(z, z.Raw())
			w.start(tag, &a, off)
			if tt == html.SelfClosingTagToken && !tag.is(void) {
				w.end(tag, off) // XHTML's empty element: "<div/>", "<table/>"
			}
		case html.EndTagToken:
			w.end(w.endTag(z, z.Raw()), off)
		}
		off += raw
	}
}

// startTag reads a start tag from its raw bytes; a name or a value the
// tokenizer would change (an entity, a NUL) is read through the tokenizer.
func (w *walker) startTag(z *html.Tokenizer, raw []byte) (tagID, attrs) {
	s := newTagScanner(raw, false)
	var buf [32]byte
	name, ok := lowerASCII(buf[:], s.name())
	if !ok {
		return w.startTagSlow(z)
	}
	tag := w.tagOf(name)
	a := attrs{colspan: 1, rowspan: 1}
	var read attrKey // the tokenizer keeps the first of a repeated attribute
	for {
		k, v, more := s.next()
		if !more {
			return tag, a
		}
		key, ok := lowerASCII(buf[:], k)
		if !ok {
			continue // too long, or with a NUL: not one the walker reads
		}
		id := attrKeyOf(key)
		if id == 0 || read&id != 0 {
			continue
		}
		read |= id
		if !plainValue(v) {
			return w.startTagSlow(z)
		}
		w.attr(&a, id, v)
	}
}

// startTagSlow reads a start tag through the tokenizer.
func (w *walker) startTagSlow(z *html.Tokenizer) (tagID, attrs) {
	name, more := z.TagName()
	tag := w.tagOf(name)
	a := attrs{colspan: 1, rowspan: 1}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		w.attr(&a, attrKeyOf(k), v)
	}
	return tag, a
}

// endTag reads an end tag's name from its raw bytes.
func (w *walker) endTag(z *html.Tokenizer, raw []byte) tagID {
	s := newTagScanner(raw, true)
	var buf [32]byte
	if name, ok := lowerASCII(buf[:], s.name()); ok {
		return w.tagOf(name)
	}
	name, _ := z.TagName()
	return w.tagOf(name)
}

// attrKey names an attribute the walker reads, as a bit.
type attrKey uint8

const (
	attrStyle attrKey = 1 << iota
	attrHidden
	attrType
	attrAlign
	attrColspan
	attrRowspan
)

// attrKeyOf is the attribute a lower-cased key names, or 0 for one the
// walker does not read.
func attrKeyOf(k []byte) attrKey {
	switch string(k) {
	case "style":
		return attrStyle
	case "hidden":
		return attrHidden
	case "type":
		return attrType
	case "align":
		return attrAlign
	case "colspan":
		return attrColspan
	case "rowspan":
		return attrRowspan
	}
	return 0
}

// attrs is what start and openCell read of a tag's attributes (the
// tokenizer keeps the first of a repeated attribute).
type attrs struct {
	style            styleInfo
	hidden           bool // the hidden attribute
	typeHidden       bool // type="hidden"
	center           bool // align="center"
	colspan, rowspan int
}

// attr reads one attribute into a, copying nothing but a style seen for
// the first time.
func (w *walker) attr(a *attrs, k attrKey, v []byte) {
	switch k {
	case attrStyle:
		a.style = w.style(v)
	case attrHidden:
		a.hidden = true
	case attrType:
		a.typeHidden = bytes.EqualFold(v, []byte("hidden"))
	case attrAlign:
		a.center = bytes.EqualFold(v, []byte("center"))
	case attrColspan:
		a.colspan = span(v, maxColspan)
	case attrRowspan:
		a.rowspan = span(v, maxRowspan)
	}
}

func (w *walker) hidden() bool {
	return len(w.stack) > 0 && (w.stack[len(w.stack)-1].hidden || w.stack[len(w.stack)-1].invisible)
}
func (w *walker) raised() bool { return len(w.stack) > 0 && w.stack[len(w.stack)-1].raised }

func (w *walker) start(tag tagID, a *attrs, off int) {
	if tag.is(block) {
		w.blockBoundary()
	}
	switch tag {
	case tagTd, tagTh:
		w.closeTo(off, tagTr, rowGroup)
	case tagTr, tagThead, tagTbody, tagTfoot:
		w.closeTo(off, 0, rowGroup)
	case tagP, tagDiv, tagTable:
		if n := len(w.stack); n > 0 && w.stack[n-1].tag == tagP {
			w.pop(n-1, off)
		}
	}
	style := a.style
	parent := element{}
	if n := len(w.stack); n > 0 {
		parent = w.stack[n-1]
	}
	e := element{tag: tag,
		hidden:    parent.hidden || a.hidden || style.none || a.typeHidden || tag.is(unseen),
		invisible: parent.invisible && !style.visible || style.invisible,
		raised:    parent.raised || tag == tagSup || style.raised,
		center:    parent.center && !style.left || style.center || tag == tagCenter || a.center,
		indent:    style.indent, boxed: style.boxed}
	if !e.hidden && !tag.is(block) && (style.indent > 0 || style.boxed) {
		w.space() // padding sets a bullet's text apart: "•</font><font style=\"padding-left:14pt\">Cloud"
	}
	if !e.hidden {
		switch tag {
		case tagTable:
			w.openTable(off)
		case tagTr:
			if w.inCell() { // a row or cell outside every table is no table's
				w.openRow(off, style)
			}
		case tagTd, tagTh:
			if w.inCell() {
				w.openCell(a, style)
			}
		case tagPre:
			w.endPre()
			w.pre, w.preAt = true, off
		}
	}
	if tag.is(void) {
		return
	}
	for int(tag) >= len(w.open) {
		w.open = append(w.open, nil)
	}
	w.open[tag] = append(w.open[tag], len(w.stack))
	w.stack = append(w.stack, e)
}

// pop closes the open elements down to the one at stack index i,
// innermost first. A <pre> or a table ends with whatever element ends it:
// "<div><pre>x</div>" ends the <pre> block too.
func (w *walker) pop(i, off int) {
	for n := len(w.stack) - 1; n >= i; n-- {
		e := w.stack[n]
		w.stack = w.stack[:n]
		open := w.open[e.tag]
		w.open[e.tag] = open[:len(open)-1]
		if e.hidden {
			continue // a table or <pre> not laid out was never opened
		}
		switch e.tag {
		case tagTable:
			w.closeTable(off)
		case tagPre:
			w.endPre()
		}
	}
}

// blockBoundary ends a paragraph of prose, a line of a <pre> block, or a
// paragraph of a cell's text where a block starts or ends.
func (w *walker) blockBoundary() {
	switch {
	case w.inCell():
		if w.cell != nil && w.cell.started {
			w.cell.brk = true
			w.cell.space = true
		}
	case w.pre:
		w.preBrk = len(w.preLines) > 0
	default:
		w.endPara()
	}
}

// space sets apart the text before and after a box of its own (inline
// elements split no words: "1,<b>234</b>", "Share<font>holders").
func (w *walker) space() {
	switch {
	case w.inCell():
		if w.cell != nil && w.cell.started {
			w.cell.space = true
		}
	case len(w.para) > 0:
		w.para = append(w.para, ' ')
	}
}

// closeTo pops what is open inside the innermost table down to a table,
// the tag stop or a tag with the flag stops: an unclosed cell or row ends
// where the next one begins.
func (w *walker) closeTo(off int, stop tagID, stops tagFlag) {
	if !w.inCell() {
		return
	}
	for n := len(w.stack); n > 0; n = len(w.stack) {
		if top := w.stack[n-1].tag; top == tagTable || top == stop || top.is(stops) {
			return
		}
		w.pop(n-1, off)
	}
}

func (w *walker) end(tag tagID, off int) {
	// Pop to the matching open element; an end tag nothing opened, or
	// nothing opened inside the innermost table, is ignored, and a table's
	// end closes what is open inside it. The open elements are indexed by
	// tag: a stray end tag costs no walk down the stack.
	if int(tag) >= len(w.open) || len(w.open[tag]) == 0 {
		return
	}
	i := w.open[tag][len(w.open[tag])-1]
	if tables := w.open[tagTable]; tag != tagTable && len(tables) > 0 && tables[len(tables)-1] > i {
		return
	}
	hidden, boxed := w.stack[i].hidden, w.stack[i].boxed
	w.pop(i, off)
	if tag.is(block) {
		w.blockBoundary()
	} else if boxed && !hidden {
		w.space()
	}
}

func (w *walker) inCell() bool { return len(w.tables) > 0 }

// openTable opens a table; a table inside a cell keeps that cell, whose
// text goes on after it.
func (w *walker) openTable(off int) {
	if n := len(w.tables); n > 0 {
		w.tables[n-1].held = true
	}
	t := &table{start: w.lineAt(off), at: off, outer: w.cell}
	if n := len(w.texts); n > 0 {
		t.text, w.texts = w.texts[n-1], w.texts[:n-1]
	}
	w.tables = append(w.tables, t)
	w.cell = nil
}

// sealText makes the closed table's cells' text strings, all in one, and
// gives its buffer back for the next table.
func (w *walker) sealText(t *table) {
	text := string(t.text)
	for _, r := range t.rows {
		for _, c := range r.cells {
			c.seal(text)
		}
	}
	w.texts = append(w.texts, t.text[:0])
	t.text = nil
}

func (w *walker) closeTable(off int) {
	n := len(w.tables)
	t := w.tables[n-1]
	t.end = w.lineAt(off)
	w.sealText(t)
	w.tables = w.tables[:n-1]
	w.cell = t.outer
	if t.nested || !hasFigures(t) {
		w.tableProse(t) // page layout, a contact block, a bullet list
		return
	}
	if n > 1 {
		// A statement inside a table: that table is the page's layout.
		// (A logo's or a check box's little table inside a statement
		// makes no layout of it.)
		w.tables[n-2].nested = true
	}
	w.done = append(w.done, t)
}

func (w *walker) openRow(off int, st styleInfo) {
	t := w.tables[len(w.tables)-1]
	r := w.newRow()
	r.line, r.top, r.bot = w.lineAt(off), st.top, st.bottom
	t.rows = append(t.rows, r)
	w.cell = nil
}

func (w *walker) openCell(a *attrs, st styleInfo) {
	t := w.tables[len(w.tables)-1]
	if len(t.rows) == 0 {
		t.rows = append(t.rows, w.newRow())
	}
	r := t.rows[len(t.rows)-1]
	if r.cells == nil {
		// A table's rows mostly hold as many cells as its widest row so
		// far: room for them at once, not grown cell by cell.
		r.cells = w.cellSlots(max(t.widest, minCells))
	}
	c := w.newCell()
	c.from, c.to = len(t.text), len(t.text)
	c.colspan, c.rowspan, c.indent, c.top, c.bottom = a.colspan, a.rowspan, st.indent, st.top, st.bottom
	r.cells = append(r.cells, c)
	t.widest = max(t.widest, len(r.cells))
	w.cell = c
}

// minCells is the room a table's first row gets: a statement's rows hold
// a label and a few columns of figures with their signs.
const minCells = 8

// slab is how many cells or rows are allocated at once: a statement has
// hundreds, and one allocation for many costs less than one each.
const slab = 64

func (w *walker) newCell() *cell { return take(&w.cells) }

func (w *walker) newRow() *row { return take(&w.rows) }

// cellSlots is room for a row's n cells, carved from a slab: append
// moves a row that outgrows it elsewhere, so rows never share slots.
func (w *walker) cellSlots(n int) []*cell {
	if n == 0 {
		return nil
	}
	if len(w.slots) < n {
		w.slots = make([]*cell, max(4*slab, n))
	}
	s := w.slots[:0:n]
	w.slots = w.slots[n:]
	return s
}

// take hands out the next of a slab, allocating a new slab when it is used up.
func take[T any](free *[]T) *T {
	if len(*free) == 0 {
		*free = make([]T, slab)
	}
	x := &(*free)[0]
	*free = (*free)[1:]
	return x
}

// Absurd spans are clamped: a filing agent's colspan="1000" would make a
// grid of a thousand empty columns.
const (
	maxColspan = 40
	maxRowspan = 20
)

func span(s []byte, limit int) int {
	n := 0
	for _, r := range bytes.TrimSpace(s) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
		if n > limit {
			return limit
		}
	}
	return max(1, n)
}

// text places a text token: in the open cell, the <pre> block, or the
// paragraph being gathered.
func (w *walker) text(s []byte, m rawText, off int) {
	switch {
	case w.pre && !w.inCell():
		w.preText(string(s), off)
	case w.inCell():
		w.cellText(s, m, off)
	default:
		w.paraText(s, off)
	}
}

// rawText is what a cell reads of a text token's raw bytes: the length
// of its leading white space, and the offset of its last byte that shows
// (-1 for none).
type rawText struct{ space, last int }

// measure reads a text token's raw bytes where a cell's text needs them.
func (w *walker) measure(raw []byte) rawText {
	if !w.inCell() || w.cell == nil || w.raised() {
		return rawText{}
	}
	m := rawText{last: -1}
	if !w.cell.started || w.cell.brk { // where cellText places the text's start
		m.space = rawSpace(raw)
	}
	if m.space < len(raw) { // (white space alone shows nothing)
		m.last = rawLastVisible(raw)
	}
	return m
}

func (w *walker) cellText(s []byte, m rawText, off int) {
	c := w.cell
	if c == nil {
		return // text between cells: stray, not a cell's
	}
	if w.raised() {
		// A footnote mark is no part of the text, but parts the words
		// around it: "share<sup>(1)</sup>(non-GAAP)".
		if c.started && leadingSpace(s) < len(s) {
			c.space = true
		}
		return
	}
	if !c.started {
		lead := leadingSpace(s)
		if lead == len(s) {
			c.indent += countNbsp(s) * nbspPoints
			return
		}
		c.started = true
		// Offsets count the raw text: "&#160;&#160;1,234" starts its
		// figure twelve bytes in.
		at := off + m.space
		c.pos, c.at = w.posAt(at), at
		c.indent += w.indentNow() + countNbsp(s[:lead])*nbspPoints
	}
	if c.brk && leadingSpace(s) < len(s) {
		at := off + m.space
		c.paras = append(c.paras, cellPara{from: c.textLen(), at: at, line: w.lineAt(at)})
		c.brk = false
	}
	if m.last >= 0 {
		if end := w.posAt(off + m.last); end.Line == c.pos.Line {
			c.pos.EndCol = end.Col
		}
	}
	c.write(&w.tables[len(w.tables)-1].text, s)
}

// nbspPoints is how far a leading no-break space indents, in points.
const nbspPoints = 4

// indentNow adds the indents of the elements open inside the cell.
func (w *walker) indentNow() int {
	total := 0
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].tag == tagTd || w.stack[i].tag == tagTh {
			break
		}
		total += w.stack[i].indent
	}
	return total
}

func (w *walker) paraText(s []byte, off int) {
	if w.raised() {
		return // a footnote mark in prose
	}
	if len(w.para) == 0 {
		lead := leadingSpace(s)
		if lead == len(s) {
			return
		}
		w.paraAt = off + lead
		w.center = len(w.stack) > 0 && w.stack[len(w.stack)-1].center
	}
	w.para = append(w.para, s...) // inline tags split no words: "ART<b>’</b>S", "(Nas<font>daq"
}

func (w *walker) endPara() {
	if len(w.para) == 0 {
		return
	}
	raw := string(w.para)
	w.para = w.para[:0] // its room serves the next paragraph
	if strings.Contains(raw, "\r\n") {
		w.textLayer(raw)
		return
	}
	if s := collapse(raw); s != "" {
		w.prose = append(w.prose, para{Line{N: w.lineAt(w.paraAt), Text: s}, w.paraAt, w.center})
	}
}

// textLayer sets apart the paragraphs of a text that carries its own line
// breaks ("&#13;&#10;"), as the text laid over a page's image does: its
// blank lines part them, and a line of web addresses alone (a letterhead's)
// stands apart from the headline under it.
func (w *walker) textLayer(raw string) {
	n := w.lineAt(w.paraAt)
	from, to := 0, 0 // the paragraph gathered: raw[from:to]
	flush := func() {
		if s := collapse(raw[from:to]); s != "" {
			w.prose = append(w.prose, para{Line{N: n, Text: s}, w.paraAt + from, w.center})
		}
	}
	for at := 0; at <= len(raw); {
		end := strings.Index(raw[at:], "\r\n")
		if end < 0 {
			end = len(raw) - at
		}
		line := raw[at : at+end]
		switch {
		case strings.TrimSpace(line) == "":
			flush()
			from = at + end
		case webLine(line):
			flush()
			from, to = at, at+end
			flush()
			from = at + end
		}
		to = at + end
		at += end + 2
	}
	flush()
}

// webLine: a line of web and e-mail addresses only.
func webLine(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if !strings.HasPrefix(w, "www.") && !strings.HasPrefix(w, "http") && !strings.Contains(w, "@") {
			return false
		}
	}
	return len(words) > 0
}

// preText keeps a <pre> block's lines as they stand: the text reader
// reads them.
func (w *walker) preText(s string, off int) {
	n := w.lineAt(off)
	if w.preBrk {
		// A block inside the block, or a <br>, starts a line, unless the
		// source's own newline follows it.
		w.preBrk = false
		if !strings.HasPrefix(s, "\n") {
			w.preLines = append(w.preLines, Line{N: n})
		}
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 || len(w.preLines) == 0 {
			w.preLines = append(w.preLines, Line{N: n + i})
		}
		last := &w.preLines[len(w.preLines)-1]
		last.Text += strings.ReplaceAll(part, "\u00a0", " ")
	}
}

func (w *walker) endPre() {
	if w.pre && len(w.preLines) > 0 {
		w.pres = append(w.pres, preBlock{w.preLines, w.preAt})
	}
	w.pre, w.preLines = false, nil
}

// tableProse turns a table that holds no statement into paragraphs, a
// row each.
func (w *walker) tableProse(t *table) {
	if t.held {
		w.layoutProse(t)
		return
	}
	for _, r := range t.rows {
		var parts []string
		line, at := 0, 0
		for _, c := range r.cells {
			if s := c.plain(); s != "" {
				parts = append(parts, s)
				if line == 0 {
					line, at = c.pos.Line, c.at
				}
			}
		}
		if len(parts) > 0 {
			w.prose = append(w.prose, para{Line{N: line, Text: strings.Join(parts, " ")}, at, false})
		}
	}
}

// layoutProse turns a table that held other tables into paragraphs, as
// its cells' blocks part them: the titles and scale notes between two
// statements stand between them.
func (w *walker) layoutProse(t *table) {
	for _, r := range t.rows {
		for _, c := range r.cells {
			text := c.plain()
			paras := append([]cellPara{{0, c.at, c.pos.Line}}, c.paras...)
			for k, p := range paras {
				to := len(text)
				if k+1 < len(paras) {
					to = paras[k+1].from
				}
				if s := collapse(text[p.from:to]); s != "" { // the text is folded: only a leading space to trim
					w.prose = append(w.prose, para{Line{N: p.line, Text: s}, p.at, false})
				}
			}
		}
	}
}

// hasFigures: a table with at least three rows that hold a figure cell:
// a statement has several; a contact block or a call's dial-in numbers do
// not. The "(1)" that opens a row of words is a list's mark, not a
// figure; a figure opened in cells of its own ("(" "$" "1,234)") is one.
func hasFigures(t *table) bool {
	rows := 0
	var texts []*cell // the cells of a row that hold text
	for _, r := range t.rows {
		texts = texts[:0]
		opened := false
		for _, c := range r.cells {
			if s := c.plain(); s != "" {
				texts = append(texts, c)
				_, ok := prefix(s)
				opened = opened || ok
			}
		}
		for i, c := range texts {
			if _, ok := c.figure(); ok && !(i == 0 && len(texts) > 1 && listMark(c.plain(), texts[1].plain())) {
				rows++
				break
			}
			if i == len(texts)-1 && opened && joinedFigure(r) {
				rows++
			}
		}
	}
	return rows >= 3
}

// joinedFigure: a row whose cells, joined as a row's tokens are, hold a
// figure.
func joinedFigure(r *row) bool {
	cells := make([]placed, len(r.cells))
	for i, c := range r.cells {
		cells[i] = placed{c: c, text: c.plain(), first: i, last: i}
	}
	return hasFigure(tokens(cells))
}

// listMark reports a footnote's or a list's mark, "(1)", standing before
// its words: never a figure.
func listMark(s, next string) bool {
	if !parenNumber(s) {
		return false
	}
	for _, r := range next {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// collapse folds every run of white space, no-break and zero-width spaces
// included, into one space, and trims.
func collapse(s string) string {
	if collapsed(s) {
		return s // most cells' text: nothing to copy
	}
	var b strings.Builder
	b.Grow(len(s)) // at most its length, but for a bad byte's U+FFFD
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = space || !zeroWidth(r)
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed: s is as collapse leaves it, its words parted by single
// plain spaces.
func collapsed(s string) bool {
	space := true // at the start, a space is a leading one
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c < utf8.RuneSelf:
			if c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				return false
			}
			space = false
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) || r == utf8.RuneError && n == 1 { // collapse writes a bad byte as U+FFFD
				return false
			}
			i += n - 1
			space = false
		}
	}
	return !space || s == ""
}

// leadingSpace is the length of the white space (no-break and zero-width
// spaces included) that s starts with.
func leadingSpace(s []byte) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if !isSpace(r) {
			return i
		}
		i += n
	}
	return len(s)
}

// allSpace: s is white space only (or nothing).
func allSpace(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// isSpace: white space as shown, no-break and zero-width spaces included.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2002', '\u2003', '\u2009', '\u3000':
		return true
	}
	return zeroWidth(r)
}

// zeroWidth: a character that shows as nothing at all.
func zeroWidth(r rune) bool {
	return r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff'
}

func countNbsp(s []byte) int { return bytes.Count(s, nbsp) }

var nbsp = []byte("\u00a0")

// rawUnit measures the first character of raw text: its length in bytes
// (an entity such as "&#160;" is one character), and whether it shows as
// white space.
func rawUnit(raw []byte) (n int, space bool) {
	switch c := raw[0]; {
	case c == '&':
		k := 1
		for ; k < len(raw) && k <= 32; k++ {
			if raw[k] == ';' {
				s := html.UnescapeString(string(raw[:k+1]))
				return k + 1, s != string(raw[:k+1]) && allSpace(s)
			}
			if !(raw[k] == '#' || raw[k] >= '0' && raw[k] <= '9' || raw[k] >= 'a' && raw[k] <= 'z' || raw[k] >= 'A' && raw[k] <= 'Z') {
				break
			}
		}
		// An entity without its semicolon, as browsers read it: the
		// longest name that is one ("&nbsp1,234").
		for j := min(k, len(raw)); j > 2; j-- {
			if s := html.UnescapeString(string(raw[:j])); s != string(raw[:j]) && utf8.RuneCountInString(s) == 1 {
				return j, allSpace(s)
			}
		}
		return 1, false
	case c < utf8.RuneSelf:
		return 1, c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
	}
	r, size := utf8.DecodeRune(raw)
	return size, isSpace(r)
}

// rawSpace is the length in bytes of the white space that raw text starts
// with.
func rawSpace(raw []byte) int {
	i := 0
	for i < len(raw) {
		n, space := rawUnit(raw[i:])
		if !space {
			break
		}
		i += n
	}
	return i
}

// rawLastVisible is the offset of the last byte of raw text that shows
// (the first byte of a character, the last of an entity), or -1.
func rawLastVisible(raw []byte) int {
	last := -1
	for i := 0; i < len(raw); {
		n, space := rawUnit(raw[i:])
		if !space {
			last = i
			if raw[i] == '&' {
				last = i + n - 1
			}
		}
		i += n
	}
	return last
}
