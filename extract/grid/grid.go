// Package grid is the neutral table model that every layout reader fills
// and the one interpretation in package extract reads.
//
// A reader (extract/textgrid for plain text, an HTML reader for HTML)
// turns a document into Tables: the header rows above the first figure,
// the body rows with their labels, indents, rules and figures placed in
// numbered columns, and the text around each table. Nothing in a Table
// depends on character positions except Pos, which says where a piece of
// text stands in its file for messages and sources. The interpretation
// (classification, scale, units, periods, sections, totals, mapping and
// tie-outs) works on these Tables alone.
package grid

// Pos is where a piece of text stands in its file: the 1-based line and
// the 1-based first and last character of the text on that line (0 when
// unknown).
type Pos struct {
	Line   int
	Col    int
	EndCol int
}

// Text is a line or paragraph of text near or inside a table: a title, a
// scale note, a footnote.
type Text struct {
	Pos  Pos
	Text string // trimmed
	// Indent is how far the text stands from the left margin, in the
	// reader's own unit; only comparisons between texts of one table mean
	// anything. A centred title has a large indent.
	Indent int
}

// Table is one table of a document as laid out.
type Table struct {
	Start, End int    // first and last line in the file
	Above      []Text // the text just above the table, nearest first
	Head       []Row  // rows above the first row of figures, top to bottom
	Body       []Row  // the rest, top to bottom
	Columns    int    // how many figure columns
	Notes      []Text // footnotes the layout marks as such
}

// RowKind says what a row holds.
type RowKind uint8

// Row kinds.
const (
	Blank   RowKind = iota // nothing: a gap between rows
	Rule                   // only rules (---- or ====) under figures
	Words                  // text and no figures: a heading, a wrapped label, a header
	Figures                // a label (perhaps empty) and figures
)

// Row is one row of a table.
type Row struct {
	Kind  RowKind
	Line  int    // the line it stands on
	Text  string // all of its text, trimmed
	Label string // the stub: the text left of the figures, spaces folded
	// Indent is the label's distance from the table's left edge, in the
	// reader's unit (only comparisons within a table mean anything).
	Indent int
	Rule   byte // '-' or '=' when the row carries a rule, else 0
	// Years is true for a row whose figures are all four-digit years: a
	// row of column headers, not of figures.
	Years bool
	// Cells are the figures of a body row, or the header phrases of a
	// head row, left to right.
	Cells []Cell
}

// Cell is one cell: a figure in a body row, a phrase in a head row.
type Cell struct {
	// First and Last are the columns the cell covers (0-based). A head
	// phrase left of every column (in the stub) has First = Last = -1; a
	// phrase that heads no column has First = Last = -2.
	First, Last int
	Text        string // as printed, trimmed
	Num         Number // body figures only
	Pos         Pos
}

// InStub reports a head phrase standing in the label column.
func (c Cell) InStub() bool { return c.First == -1 }
