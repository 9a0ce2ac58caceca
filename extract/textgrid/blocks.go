package textgrid

import (
	"regexp"
	"sort"
	"strings"
)

// block is the raw text of one table: its lines with the SGML tags taken
// out, and the lines just above it, where a title may stand.
type block struct {
	Lines   []Line
	Above   []Line // nearest first
	Start   int    // line number of <TABLE>, or of the first line
	End     int
	Markers int // how many <C> markers the marker row had
	Tagged  bool
	Notes   []Line // <FN> footnotes
}

var (
	reTableOpen  = regexp.MustCompile(`(?i)^\s*<TABLE\b[^>]*>\s*$`)
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
	var prose []Line
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
				diag(l.N, "<TABLE> opened inside the <TABLE> of line "+itoa(cur.Start)+"; the first table ends here")
				closeBlock(l.N - 1)
			}
			cur = &block{Start: l.N, Tagged: true, Above: linesAbove(doc, i)}
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
// three blank lines running, or a line of prose (a long line at the left
// margin). A note at the head of a page - a title, a scale - thus reaches
// every table on the page. Page breaks are skipped until text is found:
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
			if blanks++; blanks >= 3 && len(out) > 0 {
				break
			}
			continue
		}
		blanks = 0
		indent := len(doc[j].Text) - len(strings.TrimLeft(doc[j].Text, " "))
		if len(t) > 60 && indent < 3 && len(out) > 0 {
			break
		}
		out = append(out, doc[j])
	}
	return out
}

func itoa(n int) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}

// findPlainTables finds tables laid out as aligned text without tags: runs
// of lines ending in two or more figures, with the header and title lines
// above them. The rest is prose.
func findPlainTables(lines []Line) ([]block, []Line) {
	var blocks []block
	var prose []Line
	i, minStart := 0, 0
	for i < len(lines) {
		if !isPlainDataLine(lines[i].Text) {
			prose = append(prose, lines[i])
			i++
			continue
		}
		end, dataLines := i, 0
		for j, gap := i, 0; j < len(lines) && gap <= 3; j++ {
			t := lines[j].Text
			switch sh := shapeLine(t); {
			case isPlainDataLine(t):
				end, gap, dataLines = j, 0, dataLines+1
			case strings.TrimSpace(t) == "" || sh.Rule != 0 || len(sh.Cells) == 1 || looksLikeRowLabel(t):
				gap++
				if sh.Rule != 0 && gap == 1 {
					end = j
				}
			default:
				gap = 99
			}
		}
		if dataLines < 2 {
			prose = append(prose, lines[i])
			i++
			continue
		}
		start, blanks := i, 0
		for start > minStart && i-start < 12 && blanks < 2 && !rePage.MatchString(lines[start-1].Text) && isPlainHeaderLine(lines[start-1].Text) {
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
		b.Above = linesAbove(lines, start)
		blocks = append(blocks, b)
		i = end + 1
		minStart = i
	}
	return blocks, prose
}

// isPlainDataLine: a label and two or more figures, or figures alone.
func isPlainDataLine(t string) bool {
	sh := shapeLine(t)
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
