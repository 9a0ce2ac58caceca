package textgrid

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"finexport/extract/grid"
)

// The references below are the shaping of lines as it was before it
// kept its pieces in buffers: the new shaping must equal it.

func splitWordsRef(c chunk) []chunk {
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
func isRuleTextRef(s string) bool {
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
func shapeLineRef(text string) lineShape {
	var sh lineShape
	if isPageNumber(text) {
		return sh
	}
	text = blankLeaders(text)
	chunks := splitChunks(text)
	var pieces []chunk
	for _, c := range chunks {
		if isRuleTextRef(c.Text) || len(chunks) == 1 && len(c.Text) >= 2 && strings.Trim(c.Text, "-") == "" {
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
		} else if words := splitWordsRef(c); len(words) > 1 && allNumeric(words) {
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
		if w := splitWordsRef(pieces[end-1]); len(w) > 1 && w[len(w)-1].Text == "$" {
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

// corpusLines returns every line of the text corpus, decoded as the
// reader decodes it; none when the corpus is absent.
// corpusFiles lists the corpus files of the given kinds ("text",
// "html"); none when the corpus is absent.
func corpusFiles(kinds ...string) []string {
	var files []string
	for _, kind := range kinds {
		f, _ := filepath.Glob("../../../shared/corpus/" + kind + "/*")
		files = append(files, f...)
	}
	return files
}

func corpusLines(t *testing.T) []string {
	files := corpusFiles("text")
	if len(files) == 0 {
		if os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
			t.Fatal("no corpus (FINEXPORT_REQUIRE_CORPUS=1)")
		}
		t.Log("no corpus: hand-picked lines only")
	}
	var out []string
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines, _, err := Decode(raw)
		if err != nil {
			continue // not text: the reader refuses it
		}
		for _, l := range lines {
			out = append(out, l.Text)
		}
	}
	return out
}

var shapeCases = []string{
	"", "   ", "Net sales ........ $ 7,759  $ 6,123", "Diluted earnings per share $  0.58   0.45",
	"  ------   ------", "=====", "- 12 -", "Revenue   1,000 (1)   2,000 *", "Total  $   (1,223)   $ 991",
	"2003 Stock Plan      12     13", "   1997   Change   1998", "— — —", "__  __", "-- ", " == ",
	"Net income (loss)  n/a  NM  12.5%", "Shares   1 2 3   4 5 6",
}

func checkShape(t *testing.T, s string) {
	t.Helper()
	if got, want := shapeLine(s), shapeLineRef(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("shapeLine(%q) = %+v, the reference %+v", s, got, want)
	}
	for _, c := range splitChunks(s) {
		if got, want := isRuleText(c.Text), isRuleTextRef(c.Text); got != want {
			t.Fatalf("isRuleText(%q) = %v, the reference %v", c.Text, got, want)
		}
		if got, want := splitWords(c), splitWordsRef(c); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitWords(%q) = %v, the reference %v", c.Text, got, want)
		}
	}
}

// Every line of the corpus is shaped as the reference shapes it.
func TestShapeLineAsReference(t *testing.T) {
	if reflect.DeepEqual(shapeLine("Sales  1  2"), shapeLine("Sales  2  1")) {
		t.Fatal("the comparison must see the cells' order")
	}
	for _, s := range append(shapeCases, corpusLines(t)...) {
		checkShape(t, s)
	}
}

func FuzzShapeLineAsReference(f *testing.F) {
	for _, s := range shapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // lines are valid UTF-8 once decoded
		}
		checkShape(t, s)
		if mayHoldFigures(s) != strings.ContainsAny(s, "0123456789-—–−") {
			t.Fatalf("mayHoldFigures(%q) differs from its reference", s)
		}
		checkTwoFigures(t, s)
		if mayHoldTwoFigures(s) != mayHoldTwoFiguresRef(s) {
			t.Fatalf("mayHoldTwoFigures(%q) differs from its reference", s)
		}
	})
}

// mayHoldFigures answers as the rune set it scans bytes for.
func TestMayHoldFiguresAsReference(t *testing.T) {
	for _, s := range append(shapeCases, append(corpusLines(t), "a—b", "x–", "−1", "\xe2\x80", "\xe2—", "é", "no figure")...) {
		if got, want := mayHoldFigures(s), strings.ContainsAny(s, "0123456789-—–−"); got != want {
			t.Fatalf("mayHoldFigures(%q) = %v, the reference %v", s, got, want)
		}
	}
}

// decodeLinesRef is how Decode cut its text into lines before it cut
// them in one pass: the new cutting must equal it.
func decodeLinesRef(text string) []Line {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	parts := strings.Split(text, "\n")
	lines := make([]Line, len(parts))
	for i, p := range parts {
		lines[i] = Line{N: i + 1, Text: unescapeDash(strings.TrimRight(ExpandTabs(p), " \f\v"))}
	}
	return lines
}

var decodeCases = []string{
	"x", "a\n", "a\r\nb", "a\rb", "a\r\r\nb", "\r", "\n\r", "\r\n\r\n", "a\u00a0b\r\n- ---\t|", "a\n\n", "tail\r",
	"\u00a0\r\n\u00a0",
}

func checkDecode(t *testing.T, text string) {
	t.Helper()
	if lines, want := splitLines(text), decodeLinesRef(text); !reflect.DeepEqual(lines, want) {
		t.Fatalf("splitLines(%q) = %v, the reference %v", text, lines, want)
	}
}

// Every corpus file and hand-picked text is cut into the reference's lines.
// (Lines are cut after decoding; cutting itself reads any bytes.)
func TestDecodeAsReference(t *testing.T) {
	for _, s := range decodeCases {
		checkDecode(t, s)
	}
	for _, name := range corpusFiles("text") {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkDecode(t, string(raw))
	}
}

func FuzzDecodeAsReference(f *testing.F) {
	for _, s := range decodeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDecode(t, s)
	})
}

// Every line that shapes into a row of plain data passes the test that
// spares shaping (a line it refuses would be lost to the tables).
func TestMayHoldTwoFiguresPassesPlainData(t *testing.T) {
	if mayHoldTwoFigures("Net sales  1,000") || !mayHoldTwoFigures("Net sales  1,000  2,000") {
		t.Fatal("two figures, not one")
	}
	for _, s := range append(shapeCases, corpusLines(t)...) {
		checkTwoFigures(t, s)
	}
}

func checkTwoFigures(t *testing.T, s string) {
	t.Helper()
	if isPlainData(shapeLine(s)) && !mayHoldTwoFigures(s) {
		t.Fatalf("%q is plain data, which mayHoldTwoFigures refuses", s)
	}
}

// mayHoldTwoFiguresRef counts the words, as the scan does in one pass.
func mayHoldTwoFiguresRef(t string) bool {
	words := 0
	for _, w := range strings.Split(blankLeaders(t), " ") {
		if w != "" && strings.ContainsAny(w, "0123456789-—–−") {
			words++
		}
	}
	return words >= 2
}

func TestMayHoldTwoFiguresAsReference(t *testing.T) {
	for _, s := range append(shapeCases, append(corpusLines(t), "1 2", "1", "a 1 b", "— —", "x—y 2", "1...2", "\xe2 1")...) {
		if got, want := mayHoldTwoFigures(s), mayHoldTwoFiguresRef(s); got != want {
			t.Fatalf("mayHoldTwoFigures(%q) = %v, the reference %v", s, got, want)
		}
	}
}

// blankLeadersRef is blankLeaders as it was: each run's dots counted in
// a copy of it.
func blankLeadersRef(s string) string {
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

var leaderCases = []string{"Net sales..........$7,759", ". . . . 12", "a... .12", "...", "..", ". . .", "x . . . .5 ...", "1...2", ""}

func checkLeaders(t *testing.T, s string) {
	t.Helper()
	if got, want := blankLeaders(s), blankLeadersRef(s); got != want {
		t.Fatalf("blankLeaders(%q) = %q, the reference %q", s, got, want)
	}
}

// Every corpus line has its leaders blanked as the reference blanks them.
func TestBlankLeadersAsReference(t *testing.T) {
	if blankLeaders("Sales.....1") != "Sales     1" {
		t.Fatal("a leader must be blanked")
	}
	for _, s := range append(leaderCases, corpusLines(t)...) {
		checkLeaders(t, s)
	}
}

func FuzzBlankLeadersAsReference(f *testing.F) {
	for _, s := range leaderCases {
		f.Add(s)
	}
	f.Fuzz(checkLeaders)
}

// splitGluedRef is splitGlued as it was.
func splitGluedRef(chunks []chunk) []chunk {
	var out []chunk
	for _, c := range chunks {
		words := splitWords(c)
		start := 0
		for i := 1; i < len(words); i++ {
			prev, w := words[i-1].Text, strings.ToLower(strings.TrimSuffix(words[i].Text, "."))
			dayBefore := len(strings.TrimRight(prev, ",.")) <= 2 && allDigits(strings.TrimRight(prev, ",."))
			yearBefore := grid.IsYear(strings.TrimRight(prev, ",.*"))
			if monthWords[w] && (dayBefore || yearBefore) || yearBefore && (w == "change" || w == "%" || w == "increase" || w == "variance") {
				out = append(out, joinWords(words[start:i]))
				start = i
			}
		}
		if start == 0 {
			out = append(out, c)
			continue
		}
		out = append(out, joinWords(words[start:]))
	}
	return out
}

var gluedCases = []string{"March 28, March 29,", "2001 Change", "1999 % 1998", "30 JUNE 30 SEPT", "2001*  Increase", "", "one",
	"  March 28,  March 29, 2001 2000 Variance", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 Jan"}

func checkGlued(t *testing.T, s string) {
	t.Helper()
	chunks := splitChunks(s)
	got, want := splitGlued(chunks), splitGluedRef(chunks)
	if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("splitGlued(%q) = %v, the reference %v", s, got, want)
	}
}

// Every corpus line's phrases are split as the reference splits them.
func TestSplitGluedAsReference(t *testing.T) {
	if got := splitGlued(splitChunks("March 28, March 29,")); len(got) != 2 {
		t.Fatal("glued dates must be split", got)
	}
	for _, s := range append(gluedCases, corpusLines(t)...) {
		checkGlued(t, s)
	}
}

func FuzzSplitGluedAsReference(f *testing.F) {
	for _, s := range gluedCases {
		f.Add(s)
	}
	f.Fuzz(checkGlued)
}
