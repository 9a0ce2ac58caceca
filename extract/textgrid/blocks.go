package textgrid

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"finexport/extract/grid"
)

// block is the raw text of one table: its lines with the SGML tags taken
// out, and the lines just above it, where a title may stand.
type block struct {
	Lines   []Line
	Above   []Line // nearest first
	Start   int    // line number of <TABLE>, or of the first line
	End     int
	Markers int         // how many <C> markers the marker row had
	Notes   []Line      // <FN> footnotes
	shapes  []lineShape // the lines' shapes when the search made them
}

var (
	reTableOpen  = regexp.MustCompile(`(?i)^\s*<TABLE\b[^>]*>\s*(<CAPTION>\s*)?$`)
	reTableClose = regexp.MustCompile(`(?i)^\s*</TABLE>\s*$`)
	rePage       = regexp.MustCompile(`(?i)^\s*</?PAGE>`)
	reCaption    = regexp.MustCompile(`(?i)^\s*</?CAPTION>\s*$`)
	reMarkerRow  = regexp.MustCompile(`(?i)^\s*<S>`)
	reMarkerC    = regexp.MustCompile(`(?i)<C>`)
	reFN         = regexp.MustCompile(`(?i)^\s*</?FN>\s*$`)
	reInlineTag  = regexp.MustCompile(`(?i)</?(S|C|CAPTION|FN|PAGE)>`)
)

// findBlocks splits a document into table blocks and the prose around
// them. Tables are <TABLE> blocks, or runs of aligned figures without tags.
func findBlocks(doc []Line, diag func(int, string)) ([]block, []Line) {
	var blocks []block
	prose := make([]Line, 0, len(doc)) // most lines are prose: one allocation
	var cur *block
	inFN := false
	closeBlock := func(end int) {
		cur.End = end
		blocks = append(blocks, *cur)
		cur = nil
	}
	for i, l := range doc {
		tag := strings.IndexByte(l.Text, '<') >= 0 // no tag without one
		switch {
		case tag && reTableOpen.MatchString(l.Text):
			if cur != nil {
				diag(l.N, "<TABLE> opened inside the <TABLE> of line "+strconv.Itoa(cur.Start)+"; the first table ends here")
				closeBlock(l.N - 1)
			}
			cur = &block{Start: l.N, Above: linesAbove(doc, i)}
			inFN = false
		case tag && reTableClose.MatchString(l.Text):
			if cur == nil {
				diag(l.N, "</TABLE> without an opening <TABLE>")
				continue
			}
			closeBlock(l.N)
		case cur == nil:
			prose = append(prose, l)
		case tag && (rePage.MatchString(l.Text) || reCaption.MatchString(l.Text)):
		case tag && reFN.MatchString(l.Text):
			inFN = !strings.Contains(l.Text, "/")
		case tag && reMarkerRow.MatchString(l.Text) && cur.Markers == 0 && len(reMarkerC.FindAllString(l.Text, -1)) > 0:
			cur.Markers = len(reMarkerC.FindAllString(l.Text, -1))
		case inFN:
			cur.Notes = append(cur.Notes, l)
		case tag:
			cur.Lines = append(cur.Lines, Line{N: l.N, Text: reInlineTag.ReplaceAllStringFunc(l.Text, blankOut)})
		default:
			cur.Lines = append(cur.Lines, l)
		}
	}
	if cur != nil {
		diag(cur.Start, "unclosed <TABLE>: read to the end of the document")
		closeBlock(doc[len(doc)-1].N)
	}
	plain, rest := findPlainTables(prose)
	blocks = append(blocks, plain...)
	sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].Start < blocks[j].Start })
	return blocks, rest
}

// blankOut replaces a tag with spaces so that columns keep their places.
func blankOut(tag string) string { return strings.Repeat(" ", len(tag)) }

// linesAbove returns the text standing above a table on its page, nearest
// first: up to ten lines back to a page break, the end of another table,
// three blank lines running (once more than a column header is found), or
// a line of prose: a long line at the left margin that is neither a rule
// nor a period in capitals ("YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM
// JUNE 3, 1996 (INCEPTION)"). A note at the head of a page - a title, a
// scale - thus reaches every table on the page. Page breaks are skipped until text is found:
// a break can fall between a title and its table.
func linesAbove(doc []Line, i int) []Line {
	var out []Line
	blanks := 0
	for j := i - 1; j >= 0 && len(out) < 10; j-- {
		t := strings.TrimSpace(doc[j].Text)
		if reTableClose.MatchString(t) {
			break
		}
		if rePage.MatchString(t) {
			if len(out) > 0 {
				break
			}
			continue
		}
		if t == "" {
			if blanks++; blanks >= 3 && len(out) > 0 && !onlyPeriods(out) {
				break
			}
			continue
		}
		blanks = 0
		indent := len(doc[j].Text) - len(strings.TrimLeft(doc[j].Text, " "))
		if len(t) > 60 && indent < 3 && len(out) > 0 && !isRuleText(t) && !(grid.IsAllCaps(t) && namesPeriod(t)) {
			break // prose; a rule or a long title in capitals naming a period is not
		}
		out = append(out, doc[j])
	}
	return out
}

// onlyPeriods: lines that only name periods ("THREE MONTHS ENDED") are a
// column header set apart from its table; the title and scale note above
// them are still the table's, however many blank lines stand between.
func onlyPeriods(lines []Line) bool {
	for _, l := range lines {
		if !namesPeriod(l.Text) {
			return false
		}
	}
	return true
}

// findPlainTables finds tables laid out as aligned text without tags: runs
// of lines ending in two or more figures, with the header and title lines
// above them (across up to two blank lines: a column header can stand
// that far above the first figures). The rest is prose.
func findPlainTables(lines []Line) ([]block, []Line) {
	var blocks []block
	prose := make([]Line, 0, len(lines))
	shape := shapesOf(lines)
	i, minStart := 0, 0
	for i < len(lines) {
		if !mayHoldTwoFigures(lines[i].Text) || !isPlainData(shape(i)) {
			prose = append(prose, lines[i])
			i++
			continue
		}
		end, dataLines := plainTableEnd(lines, i, shape)
		if dataLines < 2 {
			prose = append(prose, lines[i])
			i++
			continue
		}
		start, blanks := i, 0
		for start > minStart && i-start < 12 && blanks < 3 && !rePage.MatchString(lines[start-1].Text) && isPlainHeaderLine(lines[start-1].Text) {
			start--
			prose = prose[:len(prose)-1]
			if strings.TrimSpace(lines[start].Text) == "" {
				blanks++
			} else {
				blanks = 0
			}
		}
		for start < i && strings.TrimSpace(lines[start].Text) == "" {
			start++
		}
		b := block{Start: lines[start].N, End: lines[end].N, Lines: append([]Line(nil), lines[start:end+1]...)}
		for j := start; j <= end; j++ {
			b.shapes = append(b.shapes, shape(j))
		}
		b.Above = linesAbove(lines, start)
		blocks = append(blocks, b)
		i = end + 1
		minStart = i
	}
	return blocks, prose
}

// plainTableEnd finds where an untagged table that starts at line i ends,
// and how many rows of figures it has. The table runs on across blank
// lines, headings, wrapped labels and page breaks while its figures stand
// in the columns it has: after a page break or a wide gap, a row of
// figures must line up with them. A statement's title or a row of years
// starts another table; a sentence of prose ends it.
func plainTableEnd(lines []Line, i int, shape func(int) lineShape) (end, dataLines int) {
	edges := map[int]bool{}
	end = i
	nonData, blanks, crossed := 0, 0, false
	for j := i; j < len(lines); j++ {
		t := lines[j].Text
		sh := shape(j)
		switch {
		case isPlainData(sh) || dataLines > 0 && isLeaderRow(sh) && alignsWith(sh, edges):
			if allYears(sh) && dataLines > 0 || (crossed || blanks > 1) && !alignsWith(sh, edges) {
				return end, dataLines
			}
			for _, c := range sh.Cells {
				edges[c.End] = true
			}
			end, dataLines, nonData, blanks, crossed = j, dataLines+1, 0, 0, false
		case strings.TrimSpace(t) == "":
			if blanks++; blanks > 3 {
				return end, dataLines
			}
		case rePage.MatchString(t):
			crossed = true
		case sh.Rule != 0 || len(sh.Cells) == 1 || looksLikeRowLabel(t):
			if namesStatement(t) {
				return end, dataLines
			}
			if nonData++; nonData > 8 {
				return end, dataLines
			}
			if sh.Rule != 0 && nonData == 1 && blanks == 0 {
				end = j
			}
			blanks = 0
		default:
			return end, dataLines
		}
	}
	return end, dataLines
}

// alignsWith: every figure of a line ends where a figure of the table
// ends, give or take a character.
func alignsWith(sh lineShape, edges map[int]bool) bool {
	for _, c := range sh.Cells {
		if !edges[c.End] && !edges[c.End-1] && !edges[c.End+1] {
			return false
		}
	}
	return len(sh.Cells) > 0
}

// namesStatement: a line that titles a statement, or continues one.
func namesStatement(t string) bool {
	low := strings.ToLower(t)
	for _, w := range []string{"statement of", "statements of", "balance sheet", "(continued)", "statement of cash", "financial position"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// shapesOf shapes each line once, when first asked: the search for
// untagged tables looks at most lines more than once. Most prose lines are
// never shaped, so a line keeps only the place of its shape, if any.
func shapesOf(lines []Line) func(int) lineShape {
	var shapes []lineShape
	at := make([]int32, len(lines)) // 1 + the index of line i's shape; 0 when not shaped
	return func(i int) lineShape {
		if at[i] == 0 {
			shapes = append(shapes, shapeLine(lines[i].Text))
			at[i] = int32(len(shapes))
		}
		return shapes[at[i]-1]
	}
}

// mayHoldTwoFigures: a row of plain data holds two figures or more, each
// a word or run of words with a digit or a dash (ParseNumber reads no other
// figure but n/a, which no row of plain data holds), with a space between
// them: a line with fewer such words is passed over without being shaped.
func mayHoldTwoFigures(t string) bool {
	if !mayHoldFigures(t) {
		return false // most prose: no digit, no dash
	}
	t = blankLeaders(t)       // as shapeLine reads it: "1...2" is two figures
	words, figure := 0, false // words with a figure so far; one in the word being read
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == ' ':
			if figure {
				if words++; words == 2 {
					return true
				}
			}
			figure = false
		case c >= '0' && c <= '9', c == '-', c == 0xE2 && longDashAt(t, i):
			figure = true
		}
	}
	return figure && words == 1
}

// mayHoldFigures: a line with no digit and no dash holds no figure but
// n/a, which no row of plain data holds: most prose is passed over
// without being shaped. It scans bytes: strings.ContainsAny decodes every
// rune once its set holds one outside ASCII.
func mayHoldFigures(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9', c == '-':
			return true
		case c == 0xE2 && longDashAt(t, i): // the lead byte of the em and en dashes and the minus
			return true
		}
	}
	return false
}

// longDashAt: an em or en dash, or a minus sign, at t[i].
func longDashAt(t string, i int) bool {
	rest := t[i:]
	return strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "−")
}

// isPlainData: a label and two or more figures, or figures alone.
func isPlainData(sh lineShape) bool {
	if len(sh.Cells) < 2 {
		return false
	}
	for _, c := range sh.Cells {
		if c.Num.NA {
			return false
		}
	}
	return sh.Label == "" || !strings.HasSuffix(sh.Label, ".") || strings.HasSuffix(sh.Label, "..")
}

// isLeaderRow: figures after a label that ends in a dot, as a row whose
// label fills its dot leader to the last dot ("Depreciation and
// amortization.   56.0   51.9"). Outside a table it could be the end of
// a sentence; inside one, aligned with its figures, it is a row.
func isLeaderRow(sh lineShape) bool {
	if len(sh.Cells) < 2 || !strings.HasSuffix(sh.Label, ".") {
		return false
	}
	for _, c := range sh.Cells {
		if c.Num.NA {
			return false
		}
	}
	return true
}

// looksLikeRowLabel: a short line that may head or continue a row.
func looksLikeRowLabel(t string) bool {
	s := strings.TrimSpace(t)
	return s != "" && len(s) <= 60 && !strings.HasSuffix(s, ".")
}

// isPlainHeaderLine: a line above an untagged table that belongs to it
// (column headers, a centred title, a scale note, a section word).
func isPlainHeaderLine(t string) bool {
	s := strings.TrimSpace(t)
	if s == "" {
		return true
	}
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "Corp.") && !strings.HasSuffix(s, "Inc.") {
		return false
	}
	indent := len(t) - len(strings.TrimLeft(t, " "))
	return indent >= 8 || namesPeriod(s) || shapeLine(t).Rule != 0 || len(s) <= 40
}
