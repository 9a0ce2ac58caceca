// Package workbook renders a company model (extract/model) as an Excel
// workbook: a cover, one sheet per fiscal period, comparison and trend
// sheets, a liquidity sheet, the checks and a data table.
//
// Every figure comes from the model. Extracted figures are written as
// inputs (blue); everything else is a formula (black, or green for a link
// to another sheet) built from the templates' expressions, and each formula
// carries the model's value as its cached result, so readers that do not
// recalculate still see numbers. The same input gives the same bytes.
package workbook

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Fixed sheet names.
const (
	CoverSheet     = "Cover"
	QuarterlySheet = "Quarterly trend"
	AnnualSheet    = "Annual trend"
	LiquiditySheet = "Liquidity"
	ChecksSheet    = "Checks"
	DataSheet      = "Data"
)

// book is a workbook being written.
type book struct {
	f      *excelize.File
	c      *model.Company
	set    *templates.Set
	st     *styles
	layout *layout
	names  []*excelize.DefinedName
	sheets map[string]*sheetPart // worksheet part -> its range and rows
	zw     *flate.Writer         // one compressor for every sheet's rows and the archive's parts
	// The Data sheet's row of each fact no period sheet shows, and of
	// each value beside a fact's (set by writeData, read by the Checks
	// sheet's links).
	dataFactRow   map[*model.Fact]int
	dataSourceRow map[extract.Source]int
	cellBuf       []excelize.Cell // see rowCells
}

// Write renders the company as an .xlsx workbook to w. An internal failure
// is an error naming the company, never a crash of the whole run.
func Write(w io.Writer, c *model.Company) (err error) {
	defer recoverAsError(&err, c.Name)
	f := excelize.NewFile()
	defer f.Close()
	zw, err := flate.NewWriter(io.Discard, flate.DefaultCompression)
	if err != nil {
		return err
	}
	b := &book{f: f, c: c, set: c.Templates(), st: &styles{f: f, ids: map[look]int{}}, sheets: map[string]*sheetPart{}, zw: zw}
	defer b.release()
	b.layout = planLayout(c)
	if err := b.createSheets(); err != nil {
		return err
	}
	steps := []func() error{b.writeCover, b.writePeriodSheets, b.writeComparisons, b.writeTrends,
		b.writeLiquidity, b.writeData, b.writeChecks, b.writeNames, b.writeProperties}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if b.st.err != nil {
		return b.st.err
	}
	names, err := b.definedNamesXML()
	if err != nil {
		return err
	}
	a := &archive{w: w, modified: entryTime(c), sheets: b.sheets, names: names, flate: b.zw}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return a })
	_, err = f.WriteTo(io.Discard) // the parts go to w through a, not to excelize's buffer
	return err
}

// entryTime dates the archive's entries: the latest release, so that the
// same input gives the same bytes; 1980-01-01, the first day a zip entry
// can hold, when no release is dated.
func entryTime(c *model.Company) time.Time {
	if t := c.LatestRelease(); !t.IsZero() && t.Year() >= 1980 {
		return t
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// createSheets adds every sheet in its final order.
func (b *book) createSheets() error {
	if err := b.f.SetSheetName("Sheet1", CoverSheet); err != nil {
		return err
	}
	for _, name := range b.layout.sheetOrder()[1:] {
		if _, err := b.f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	return nil
}

// writeProperties sets the document properties. Dates come from the
// releases, never the clock. Excel is not asked to recalculate on open:
// every formula carries its value and none is volatile, so a forced
// recalculation would change nothing but mark the file as edited.
func (b *book) writeProperties() error {
	stamp := b.c.LatestRelease().Format(time.RFC3339)
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:       shortName(b.c.Name, 200) + " — financial model",
		Subject:     "Figures extracted from earnings releases",
		Creator:     "finexport",
		Keywords:    strings.TrimSpace(b.c.Ticker + " " + b.c.Exchange),
		Description: "Built by finexport from " + fmt.Sprint(len(b.c.Documents)) + " release(s) of " + shortName(b.c.Name, 200),
		Category:    shortName(b.c.Name, 200),
		Created:     stamp,
		Modified:    stamp,
	})
	if err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: "finexport", Company: b.c.Name})
}

// rowCells returns n blank cells for a row about to be written: one
// slice, reused row after row (a row is written out before the next is
// made; the long sheets' rows are many).
func (b *book) rowCells(n int) []excelize.Cell {
	if cap(b.cellBuf) < n {
		b.cellBuf = make([]excelize.Cell, n, max(n, 16))
	}
	b.cellBuf = b.cellBuf[:n]
	clear(b.cellBuf)
	return b.cellBuf
}

// release lets go of the sheets' compressed rows (and their temporary
// files).
func (b *book) release() {
	for _, p := range b.sheets {
		if p.rows != nil {
			p.rows.data.Close()
		}
	}
}

// sheet is one worksheet written row by row. excelize's stream writer
// writes its head (views, widths) and tail (page set-up, table), the
// one excelize path that writes a formula together with its cached value;
// the rows go through a rowWriter, straight into the compressor.
type sheet struct {
	b    *book
	name string
	sw   *excelize.StreamWriter
	rows *rowWriter
	used cellRange
}

// sheetPart is what the archive adds to a worksheet's part as excelize
// saves it.
type sheetPart struct {
	used string // the range its cells use, for its <dimension>
	rows *rows  // its rows, compressed
}

// sheetSetup is the page and view set-up of a sheet.
type sheetSetup struct {
	widths     []float64
	freezeRows int
	freezeCols int
	titleRows  int // rows repeated on every printed page
}

// open prepares a sheet: print set-up must be in place before the stream
// writer reads the sheet, and panes and widths before the first row.
func (b *book) open(name string, s sheetSetup) (*sheet, error) {
	landscape, one, zero, yes := "landscape", 1, 0, true
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return nil, err
	}
	if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + headerName(b.c.Name) + "&R&A", OddFooter: "&Lfinexport&RPage &P of &N"}); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// Widths go in runs of equal ones: one call a run, not a column (each
	// call rewrites the sheet's column list).
	for i := 0; i < len(s.widths); {
		j := i
		for j+1 < len(s.widths) && s.widths[j+1] == s.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, s.widths[i]); err != nil {
			return nil, err
		}
		i = j + 1
	}
	if s.freezeRows > 0 || s.freezeCols > 0 {
		top := cellName(s.freezeCols+1, s.freezeRows+1)
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: s.freezeRows, TopLeftCell: top, ActivePane: "bottomRight"}); err != nil {
			return nil, err
		}
	}
	if s.titleRows > 0 {
		b.names = append(b.names, &excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(name), s.titleRows)})
	}
	return &sheet{b: b, name: name, sw: sw, rows: newRowWriter(b.zw)}, nil
}

// cellRange is the cells a sheet uses; all zero when none.
type cellRange struct{ minCol, minRow, maxCol, maxRow int }

// String is the range as a sheet's <dimension> gives it: "A1:F40", "B2"
// for one cell, "" for none.
func (r cellRange) String() string {
	switch {
	case r.maxRow == 0:
		return ""
	case r.minCol == r.maxCol && r.minRow == r.maxRow:
		return cellName(r.minCol, r.minRow)
	}
	return cellName(r.minCol, r.minRow) + ":" + cellName(r.maxCol, r.maxRow)
}

// insertDefinedNames puts the <definedNames> element where the schema
// wants it: after the sheets, before the calculation properties.
func insertDefinedNames(workbookXML, names []byte) ([]byte, error) {
	if bytes.Contains(workbookXML, []byte("<definedNames")) {
		return nil, fmt.Errorf("xl/workbook.xml already holds defined names")
	}
	at := bytes.Index(workbookXML, []byte("<calcPr"))
	if at < 0 {
		at = bytes.LastIndex(workbookXML, []byte("</workbook>"))
	}
	if at < 0 {
		return nil, fmt.Errorf("xl/workbook.xml: no place for the defined names")
	}
	out := append([]byte{}, workbookXML[:at]...)
	out = append(out, names...)
	return append(out, workbookXML[at:]...), nil
}

// headerName is the company's name as a page header holds it: escaped, and
// cut (with an ellipsis) so that the whole header stays within the 255
// characters Excel allows.
func headerName(name string) string {
	const room = 240 // 255 less the header's own codes
	var b strings.Builder
	n := 0
	for _, r := range name {
		w := 1
		if r == '&' {
			w = 2
		}
		if n+w > room-1 {
			b.WriteRune('…')
			break
		}
		if r == '&' {
			b.WriteString("&&")
		} else {
			b.WriteRune(r)
		}
		n += w
	}
	return b.String()
}

// shortName cuts a name to at most n characters, with an ellipsis, for
// the document properties.
func shortName(name string, n int) string { return cutRunes(name, n, "…") }

// cutRunes cuts s to at most n characters, the last of them mark's.
func cutRunes(s string, n int, mark string) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n { // bytes are never fewer than runes
		return s
	}
	return string([]rune(s)[:n-utf8.RuneCountInString(mark)]) + mark
}

// row writes one row; blank cells (no value, formula or style) are
// skipped.
func (s *sheet) row(n int, cells ...excelize.Cell) error {
	s.mark(n, cells)
	return s.rows.row(n, cells, 0)
}

// tableHeader writes the first row, the header of a table over the sheet,
// through the stream writer, which names the table's columns from it.
func (s *sheet) tableHeader(cells ...excelize.Cell) error {
	s.mark(1, cells)
	s.rows.last = 1
	values := make([]any, len(cells))
	for i, c := range cells {
		values[i] = c
	}
	return s.sw.SetRow("A1", values)
}

// mark widens the sheet's used range to a row's cells.
func (s *sheet) mark(n int, cells []excelize.Cell) {
	for i, c := range cells {
		if blank(c) {
			continue
		}
		if s.used.maxRow == 0 {
			s.used = cellRange{i + 1, n, i + 1, n}
		}
		s.used.minCol, s.used.maxCol = min(s.used.minCol, i+1), max(s.used.maxCol, i+1)
		s.used.minRow, s.used.maxRow = min(s.used.minRow, n), max(s.used.maxRow, n)
	}
}

// tallRow writes a row whose wrapped text needs lines lines.
func (s *sheet) tallRow(n, lines int, cells ...excelize.Cell) error {
	s.mark(n, cells)
	return s.rows.row(n, cells, float64(min(15*max(lines, 1), maxRowHeight)))
}

// linesFor estimates how many lines text takes wrapped in a column of the
// given width (in characters): the stream writer cannot size rows itself.
func linesFor(text string, width float64) int {
	perLine := max(int(width*1.1), 1)
	return (len([]rune(text)) + perLine - 1) / perLine
}

// close ends the sheet, and keeps its used range (the stream writer's
// own says A1) and its rows for the archive's worksheet part.
func (s *sheet) close() error {
	r, err := s.rows.finish()
	if err != nil {
		return err
	}
	s.b.sheets["xl/worksheets/sheet"+strconv.Itoa(s.sw.SheetID)+".xml"] = &sheetPart{used: s.used.String(), rows: r}
	return s.sw.Flush()
}

// Excel's limits.
const (
	maxCellText   = 32767 // characters in a cell
	maxFormula    = 8192  // characters in a formula
	maxRowHeight  = 409   // points
	maxRows       = 1048576
	maxCols       = 16384
	cutTextMarker = " …"
)

// text is a string cell: document text is never read as a formula. Text
// over Excel's limit is cut, with a mark.
func (b *book) text(v string, l look) excelize.Cell {
	if l.role == "" {
		l.role = roleText
	}
	return excelize.Cell{Value: cutRunes(v, maxCellText, cutTextMarker), StyleID: b.st.id(l)}
}

// input is an extracted figure.
func (b *book) input(d decimal.Decimal, numFmt string, extra look) excelize.Cell {
	extra.role, extra.numFmt = roleInput, numFmt
	return excelize.Cell{Value: number(d), StyleID: b.st.id(extra)}
}

// formula is a calculated cell with its cached value.
func (b *book) formula(f string, cached any, role, numFmt string, extra look) excelize.Cell {
	extra.role, extra.numFmt = role, numFmt
	return excelize.Cell{Formula: f, Value: cached, StyleID: b.st.id(extra)}
}

// notAvailable is the text a formula shows when a figure is not available.
const notAvailable = templates.NotAvailable

// number turns a decimal into a spreadsheet number: integers below 10^15
// exactly, other values as the nearest double (what a spreadsheet holds).
// It reads the decimal's text once: the decimal's own tests and
// conversions each go through big integers, and every figure of the
// workbook passes here.
func number(d decimal.Decimal) any {
	s := d.String()
	if !strings.Contains(s, ".") && len(strings.TrimPrefix(s, "-")) <= 15 {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s // beyond a spreadsheet's numbers: the figure as text
	}
	return f
}

// cached is a model value for a formula, or "n/a" or "n/m" (err says
// which).
func cached(d decimal.Decimal, err error) any {
	if err != nil {
		return model.Unshown(err)
	}
	return number(d)
}

// quoteSheet quotes a sheet name for a reference.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// ref is a reference to a cell on another sheet.
func ref(sheet string, col, row int) string {
	return quoteSheet(sheet) + "!" + cellName(col, row)
}

// cellError is a cell outside a sheet's 16,384 columns and 1,048,576 rows,
// which the sheets' own limits should have prevented: Write turns it into
// its error, so a formula never points at an empty name.
type cellError struct{ err error }

// recoverAsError, deferred, turns a panic into *err, naming the company:
// a cellError as the cell's own error, anything else as an internal one.
func recoverAsError(err *error, company string) {
	switch p := recover().(type) {
	case nil:
	case cellError:
		*err = fmt.Errorf("%s: %w", company, p.err)
	default:
		*err = fmt.Errorf("workbook for %s: internal error: %v", company, p)
	}
}

// cellName is a reference on the same sheet.
func cellName(col, row int) string {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(cellError{err})
	}
	return cell
}

var reSheetBad = regexp.MustCompile(`[\[\]:*?/\\]`)

// SheetName makes a name Excel accepts: at most 31 characters, none of
// [ ] : * ? / \, not starting or ending with an apostrophe, not empty.
func SheetName(s string) string {
	s = reSheetBad.ReplaceAllString(s, "-")
	s = strings.Trim(s, "' ")
	if r := []rune(s); len(r) > 31 {
		s = strings.TrimRight(string(r[:31]), "' ")
	}
	if s == "" {
		s = "Sheet"
	}
	return s
}

// sourceText lists where a fact was stated ("q2.txt:102"), and any
// disagreement. Documents go by their names, never the folders they were
// read from.
func sourceText(f *model.Fact) string {
	if f.Derived != nil {
		return "derived: " + f.DerivationText()
	}
	var parts []string
	for _, r := range f.Reported {
		parts = append(parts, model.SourceName(r.Source))
	}
	s := strings.Join(parts, "; ")
	if f.Conflict {
		var vals []string
		for _, r := range f.Reported {
			vals = append(vals, model.DocName(r.Source.File)+" states "+r.Value.String())
		}
		s = "CONFLICT: " + strings.Join(vals, "; ") + " (latest shown)"
	}
	return s
}

// sourceLabel is a fact's source cell: its text, and the EDGAR address of
// the filing when one document states it and its SEC header names it
// (the text then names the filing too).
func (b *book) sourceLabel(f *model.Fact) (text, url string) {
	text = sourceText(f)
	if f.Derived != nil || f.Conflict || len(f.Reported) == 0 {
		return text, ""
	}
	doc, ok := b.c.DocumentOf(f.Reported[len(f.Reported)-1].Source.File)
	if !ok || doc.FilingURL() == "" {
		return text, ""
	}
	return text + " · " + doc.Filing(), doc.FilingURL()
}

// sourceCell writes a fact's source (see sourceLabel).
func (b *book) sourceCell(f *model.Fact) excelize.Cell {
	text, url := b.sourceLabel(f)
	return b.hyperlink(url, text, look{role: roleNote})
}

// maxLinkText is the longest text a HYPERLINK formula may show (Excel's
// limit on a string in a formula).
const maxLinkText = 255

// hyperlink is a text cell that opens url: a HYPERLINK formula whose cached
// value is the text. Without a url, or with text too long for a formula,
// it is a plain text cell. The text stays a string literal (quotes
// doubled): a document's name is never read as a formula.
func (b *book) hyperlink(url, text string, l look) excelize.Cell {
	if url == "" || len(text) > maxLinkText || len(url) > maxLinkText {
		return b.text(text, l)
	}
	cell := b.text(text, l)
	cell.Formula = `HYPERLINK("` + url + `","` + strings.ReplaceAll(text, `"`, `""`) + `")`
	return cell
}

// sourceWidth is the width of a period sheet's source columns: its
// longest source, within bounds, so that no source is cut.
func (b *book) sourceWidth(ps *periodSheet) float64 {
	longest := 0
	for _, p := range []*model.FiscalPeriod{ps.main, ps.ytd, ps.balance} {
		if p == nil {
			continue
		}
		for _, f := range b.c.FactsIn(p.Name) {
			text, _ := b.sourceLabel(f)
			longest = max(longest, utf8.RuneCountInString(text))
		}
	}
	return min(max(float64(longest)+4, 30), 120)
}
