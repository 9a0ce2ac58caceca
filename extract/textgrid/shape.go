package textgrid

import (
	"finexport/extract/grid"

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
func splitChunks(s string) []chunk {
	var out []chunk
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
func splitWords(c chunk) []chunk {
	var out []chunk
	pos := c.Start
	for _, w := range strings.Split(c.Text, " ") {
		n := utf8.RuneCountInString(w)
		if w != "" {
			out = append(out, chunk{Text: w, Start: pos, End: pos + n})
		}
		pos += n + 1
	}
	return out
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

func isRuleText(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 2 {
		return false
	}
	for _, c := range s {
		if c != '-' && c != '=' && c != '_' && c != '—' {
			return false
		}
	}
	return len(s) >= 4 || strings.ContainsRune(s, '=')
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
	chunks := splitChunks(text)
	var pieces []chunk
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
		} else if words := splitWords(c); len(words) > 1 && allNumeric(words) {
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
		cells = append([]rawCell{cell}, cells...)
	}
	// "Diluted earnings per share $  0.58": a $ glued to the label by one
	// space belongs to the first figure.
	if end > 0 && len(cells) > 0 {
		if w := splitWords(pieces[end-1]); len(w) > 1 && w[len(w)-1].Text == "$" {
			last := w[len(w)-2]
			pieces[end-1] = chunk{Text: strings.TrimSpace(pieces[end-1].Text[:len(pieces[end-1].Text)-1]), Start: pieces[end-1].Start, End: last.End}
			cells[0].Num.Dollar = true
		}
	}
	sh.Cells = cells
	if end > 0 {
		labels := make([]string, end)
		for i := range pieces[:end] {
			labels[i] = pieces[i].Text
		}
		sh.Label = grid.FoldSpaces(strings.Join(labels, " "))
		sh.Indent = pieces[0].Start
		sh.LabelEnd = pieces[end-1].End
	}
	return sh
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
		j := i
		for j < len(b) && (b[j] == '.' || b[j] == ' ' && j > i && spacedDot(b, j)) {
			j++
		}
		if dots := strings.Count(string(b[i:j]), "."); dots >= 3 && j-i >= 3 {
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
