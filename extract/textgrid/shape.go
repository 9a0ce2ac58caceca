package textgrid

import (
	"finexport/extract/grid"

	"slices"
	"strings"
	"unicode/utf8"
)

// chunk is a run of text on a line, between runs of two or more spaces.
// Start and End are 0-based rune positions, End exclusive.
type chunk struct {
	Text       string
	Start, End int
}

// splitChunks splits a line at runs of two or more spaces. The text of a
// chunk is a slice of the line (lines are valid UTF-8 once decoded), and
// its positions count runes.
func splitChunks(s string) []chunk { return appendChunks(nil, s) }

// appendChunks appends the chunks of s to out: a caller that keeps none of
// them passes a buffer of its own.
func appendChunks(out []chunk, s string) []chunk {
	pos := 0 // the rune position of s[i]
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i, pos = i+1, pos+1
		}
		if i >= len(s) {
			break
		}
		start, startPos := i, pos
		for i < len(s) && !(s[i] == ' ' && (i+1 >= len(s) || s[i+1] == ' ')) {
			if s[i] < utf8.RuneSelf {
				i++
			} else {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
			}
			pos++
		}
		out = append(out, chunk{Text: s[start:i], Start: startPos, End: pos})
	}
	return out
}

// splitWords splits a chunk at single spaces.
func splitWords(c chunk) []chunk { return appendWords(nil, c) }

// appendWords appends the words of c to out.
func appendWords(out []chunk, c chunk) []chunk {
	pos := c.Start
	for rest := c.Text; ; {
		w, after, more := strings.Cut(rest, " ")
		n := utf8.RuneCountInString(w)
		if w != "" {
			out = append(out, chunk{Text: w, Start: pos, End: pos + n})
		}
		if !more {
			return out
		}
		pos, rest = pos+n+1, after
	}
}

// rawCell is a numeric cell found on a line, before columns are known.
type rawCell struct {
	chunk
	Num grid.Number
	// NumStart is where the figure itself starts, after a lone "$".
	NumStart int
}

// lineShape is what a line of a table holds.
type lineShape struct {
	Label    string // text left of the figures, spaces folded
	Indent   int
	LabelEnd int
	Cells    []rawCell
	Rule     byte // '-' or '=' when the line carries a rule, else 0
}

// isRuleText: two bytes or more of dashes, equals signs, underscores
// and em dashes, spaces aside; four or more, or an equals sign among them.
func isRuleText(s string) bool {
	n, equals := 0, false
	for _, c := range s {
		switch c {
		case ' ':
		case '-', '_':
			n++
		case '=':
			n, equals = n+1, true
		case '—':
			n += len("—")
		default:
			return false
		}
	}
	return n >= 4 || n >= 2 && equals
}

// shapeLine reads a line into its label, its numeric cells and its rules.
// Numeric cells are taken from the right for as long as they parse: a
// label may hold numbers ("2003 Stock Plan") but never stands right of a
// figure.
func shapeLine(text string) lineShape {
	var sh lineShape
	if isPageNumber(text) {
		return sh
	}
	text = blankLeaders(text)
	var chunkBuf, pieceBuf, wordBuf [24]chunk // most lines fit: no copies kept
	chunks := appendChunks(chunkBuf[:0], text)
	pieces := pieceBuf[:0]
	for _, c := range chunks {
		if isRuleText(c.Text) || len(chunks) == 1 && len(c.Text) >= 2 && strings.Trim(c.Text, "-") == "" {
			// A line of dashes alone, however short, is a rule (the
			// wrapped end of a long one), never a nil figure.
			if strings.ContainsRune(c.Text, '=') {
				sh.Rule = '='
			} else if sh.Rule == 0 {
				sh.Rule = '-'
			}
			continue
		}
		if !startsLikeFigure(c.Text) {
			pieces = append(pieces, c) // words: a label, not figures set one space apart
		} else if words := appendWords(wordBuf[:0], c); len(words) > 1 && allNumeric(words) {
			pieces = append(pieces, words...)
		} else {
			pieces = append(pieces, c)
		}
	}
	// Take figures from the right.
	end := len(pieces)
	var cells []rawCell
	for end > 0 {
		p := pieces[end-1]
		n, ok := grid.ParseNumber(p.Text)
		if !ok {
			break
		}
		if isFootnotePiece(p.Text) && end > 1 && isNumberPiece(pieces[end-2].Text) && pieces[end-2].End+1 >= p.Start {
			prev := pieces[end-2]
			merged := chunk{Text: prev.Text + " " + p.Text, Start: prev.Start, End: p.End}
			pieces[end-2] = merged
			end--
			continue
		}
		cell := rawCell{chunk: p, Num: n, NumStart: p.Start}
		end--
		if end > 0 && strings.TrimSpace(pieces[end-1].Text) == "$" {
			cell.Start = pieces[end-1].Start
			cell.Text = "$ " + cell.Text
			cell.Num.Dollar = true
			end--
		}
		if cells == nil {
			cells = make([]rawCell, 0, end+1) // at most the pieces left: one allocation
		}
		cells = append(cells, cell) // right to left: turned below
	}
	slices.Reverse(cells)
	// "Diluted earnings per share $  0.58": a $ glued to the label by one
	// space belongs to the first figure.
	if end > 0 && len(cells) > 0 {
		if w := appendWords(wordBuf[:0], pieces[end-1]); len(w) > 1 && w[len(w)-1].Text == "$" {
			last := w[len(w)-2]
			pieces[end-1] = chunk{Text: strings.TrimSpace(pieces[end-1].Text[:len(pieces[end-1].Text)-1]), Start: pieces[end-1].Start, End: last.End}
			cells[0].Num.Dollar = true
		}
	}
	sh.Cells = cells
	if end > 0 {
		sh.Label = grid.FoldSpaces(joinTexts(pieces[:end]))
		sh.Indent = pieces[0].Start
		sh.LabelEnd = pieces[end-1].End
	}
	return sh
}

// joinTexts joins the pieces' texts with single spaces; a single piece's
// text is its own slice of the line.
func joinTexts(pieces []chunk) string {
	if len(pieces) == 1 {
		return pieces[0].Text
	}
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// startsLikeFigure is a quick test that spares splitting a chunk of words:
// a run of figures starts as a figure, "$" or a footnote mark does.
func startsLikeFigure(s string) bool {
	if s == "" {
		return false
	}
	switch b := s[0]; {
	case b >= '0' && b <= '9', b == '$', b == '(', b == '-', b == '.', b == '*', b >= 0x80:
		return true
	case b == 'n' || b == 'N':
		w, _, _ := strings.Cut(s, " ")
		_, ok := grid.ParseNumber(w)
		return ok // n/a, NM
	}
	return false
}

func allNumeric(words []chunk) bool {
	for _, w := range words {
		if w.Text == "$" || isFootnotePiece(w.Text) {
			continue
		}
		if _, ok := grid.ParseNumber(w.Text); !ok {
			return false
		}
	}
	return true
}

func isNumberPiece(s string) bool {
	n, ok := grid.ParseNumber(s)
	return ok && !n.Nil && !n.NA
}

// isFootnotePiece reports a lone footnote mark: "(1)", "(a)", "*".
func isFootnotePiece(s string) bool {
	if s == "*" || s == "**" || s == "†" {
		return true
	}
	return len(s) == 3 && s[0] == '(' && s[2] == ')' && (s[1] >= 'a' && s[1] <= 'z' || s[1] >= '1' && s[1] <= '9')
}

// isPageNumber: a page's number standing alone between dashes, "- 12 -".
func isPageNumber(text string) bool {
	s := strings.TrimSpace(text)
	if len(s) < 5 || s[0] != '-' || s[len(s)-1] != '-' {
		return false
	}
	n := strings.TrimSpace(s[1 : len(s)-1])
	if len(n) == 0 || len(n) > 3 {
		return false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// blankLeaders turns dot leaders ("Net sales..........$7,759") into spaces
// of the same width, so that neither the label nor the figure keeps them
// and columns keep their places.
func blankLeaders(s string) string {
	if !strings.Contains(s, "...") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		j, dots := i, 0 // counted as the run is read: no copy of it to count them
		for j < len(b) && (b[j] == '.' || b[j] == ' ' && j > i && spacedDot(b, j)) {
			if b[j] == '.' {
				dots++
			}
			j++
		}
		if dots >= 3 && j-i >= 3 {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return string(b)
}

// spacedDot: at b[j] a space then a dot of a spaced leader (". . ."), not
// the point of a figure (" .12").
func spacedDot(b []byte, j int) bool {
	return j+1 < len(b) && b[j+1] == '.' && (j+2 >= len(b) || b[j+2] < '0' || b[j+2] > '9')
}
