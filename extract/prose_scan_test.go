package extract

import (
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"finexport/extract/htmlgrid"
	"finexport/extract/textgrid"
)

// The regular expressions the prose reader's scanners (scan.go) replaced,
// kept as references: each scanner must match exactly where its
// expression does, on every sentence of the corpus and on fuzzed text.
var (
	refOrBefore       = regexp.MustCompile(`(?i)\bor\s*$`)
	refOfAfter        = regexp.MustCompile(`(?i)^\s+of\s+`)
	refChangeWord     = regexp.MustCompile(`(?i)\b(increased|decreased|increase|decrease|up|down|rose|fell|grew|declined|improved)\s*(?:by|of)?\s*$`)
	refChangeNext     = regexp.MustCompile(`(?i)^\s+(increase|decrease|improvement|decline|rise|drop|higher|lower)\b`)
	refDownWord       = regexp.MustCompile(`(?i)decrease|down|fell|declined|decline|drop|lower`)
	refBoundary       = regexp.MustCompile(`(?i)\b(compared|versus|vs|from|over|against)\b`)
	refComparedTo     = regexp.MustCompile(`(?i)\b(compared\s+(?:to|with)|versus|vs\.?|from)\s+(?:an?\s+|the\s+)?$`)
	refQualifierAfter = regexp.MustCompile(`(?i)^\W*(?:\S+\s+){0,5}?(generated|product\s+line|segment|division)\b`)
	refMoney          = regexp.MustCompile(`(?i)\$\s?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(\s+(?:million|billion|thousand)\b)?`)
	refCents          = regexp.MustCompile(`(?i)\b(\d{1,3})(\.\d+)?\s+cents?\b`)
	refPercent        = regexp.MustCompile(`(?i)\b(\d+(?:\.\d+)?)\s?(%|percent\b)`)
	refShareNum       = regexp.MustCompile(`(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion)\b)?\s+shares\b`)
	refPerShare       = regexp.MustCompile(`(?i)^\s+(?:per|a)\s+((?:[a-z]+\s+){0,4}?)share\b(\s*\((?:basic|diluted|primary|fully\s+diluted)\))?`)
	scanSeeds         = []string{"", " ", "or", " or ", "Sales, or ", "increased by ", "up ſ", "decreaſed of", "rose  ", "a bor ", " increase", " decreases", "  of  x", " of", "\tof\t", " Of the", "as compared to the ", "compared\twith an ", "vs. a ", "VS ", "from  ", "revenues vſ", "versus", "cash over", ", (net) generated", " ſegment", " the product  line", "a b c d e segment", "a b c d e f segment", "((--division)", "product line\u212a", "declinE", "LOWER",
		"$8.3 million", "$ 2,500,000", "$.03", "$", "$ ", "$1,2345", "$1234,567.8 thousands", "$12 Thouſand", "$5 billion", "$(1.2) million",
		"31 cents a share", "1234 cents", "12.5 centſ", "5 centsx", "5 cent", "1.5 cents", "2.5.3%", "6 %", "6  %", "12 percentage", "7 PERCENT",
		"2,500,000 shares", "1.2 million shares", "1,234.5 shares", "12,34 shares", "3 billion  ſhares", "10 shares", "1,000 million shares",
		" per share", " a share", " per diluted share", " per basic and diluted common share", " per share (diluted)", " per share  (fully  diluted)",
		" a \u212aey share", " per a b c d share", " per a b c d e share", " PER SHARE (Primary)", " per share (other)", " per shares", "EXCLUDİNG items", "Excluding ", "excludinG", "ÉXCLUDING x"}
	corpusSentencesOnce sync.Once
	corpusSentenceTexts []string
)

// corpusSentences lists every sentence of the corpus: of each text
// document all its lines (tables too), of each HTML document its
// paragraphs, cut as the prose reader cuts them. Nil when the corpus is
// absent.
func corpusSentences(t *testing.T) []string {
	var names []string
	for _, kind := range []string{"text", "html"} {
		names = append(names, corpusFiles(t, kind)...)
	}
	corpusSentencesOnce.Do(func() {
		for _, name := range names {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			lines, _, err := textgrid.Decode(raw)
			if err != nil {
				continue
			}
			for _, d := range splitSubmission(lines).docs {
				prose := d.Lines
				if looksLikeHTML(d) {
					_, p := htmlgrid.Read(d.Lines, func(int, string) {})
					prose = paragraphs(p)
				}
				for _, s := range sentences(prose) {
					corpusSentenceTexts = append(corpusSentenceTexts, s.Text)
				}
			}
		}
	})
	return corpusSentenceTexts
}

// amountEdges lists where amounts may start and end in a sentence: before
// a digit or '$' that opens a word, after a digit or '%' that ends one.
func amountEdges(s string) (starts, ends []int) {
	for i := 1; i < len(s); i++ {
		if s[i-1] == ' ' && (isDigit(s[i]) || s[i] == '$') {
			starts = append(starts, i)
		}
		if s[i] == ' ' && (isDigit(s[i-1]) || s[i-1] == '%' || isLetter(s[i-1])) {
			ends = append(ends, i)
		}
	}
	return starts, ends
}

// checkScanners compares every scanner with its expression on the texts
// a sentence gives them: its text before each amount, after each, and
// itself.
func checkScanners(t *testing.T, s string) {
	t.Helper()
	same := func(name, in string, got, want bool) {
		if got != want {
			t.Fatalf("%s(%q) = %v, the expression says %v", name, in, got, want)
		}
	}
	before := func(in string) {
		same("orBefore", in, orBefore(in), refOrBefore.MatchString(in))
		same("changeWordBefore", in, changeWordBefore(in), refChangeWord.MatchString(in))
		same("comparedBefore", in, comparedBefore(in), refComparedTo.MatchString(in))
	}
	after := func(in string) {
		loc := refOfAfter.FindStringIndex(in)
		if got := ofAfter(in); loc == nil && got != -1 || loc != nil && got != loc[1] {
			t.Fatalf("ofAfter(%q) = %d, the expression says %v", in, got, loc)
		}
		same("changeNext", in, changeNext(in), refChangeNext.MatchString(in))
		same("qualifierAfter", in, qualifierAfter(in), refQualifierAfter.MatchString(in))
	}
	anywhere := func(in string) {
		same("downWord", in, downWord(in), refDownWord.MatchString(in))
		same("hasBoundaryWord", in, hasBoundaryWord(in), refBoundary.MatchString(in))
	}
	before(s)
	after(s)
	anywhere(s)
	starts, ends := amountEdges(s)
	for _, i := range starts {
		before(tail(s[:i], 60))
		before(tail(s[:i], 40))
		anywhere(lastWords(s[:i], 2))
		anywhere(s[max(0, i-40):i])
	}
	for _, i := range ends {
		after(s[i:min(len(s), i+80)])
		anywhere(firstWords(s[i:], 2))
	}
}

// checkAmountScanners compares the amount scanners with their
// expressions on a sentence, and the per-share reader after each of its
// spaces.
func checkAmountScanners(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		find func(string) []submatch
		re   *regexp.Regexp
	}{{"moneyMatches", moneyMatches, refMoney}, {"centsMatches", centsMatches, refCents},
		{"percentMatches", percentMatches, refPercent}, {"shareMatches", shareMatches, refShareNum}} {
		got, want := c.find(s), c.re.FindAllStringSubmatchIndex(s, -1)
		if !sameSubmatches(got, want) {
			t.Fatalf("%s(%q) = %v, the expression says %v", c.name, s, got, want)
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		words, paren, ok := perShareAfter(s[i:])
		want := refPerShare.FindStringSubmatch(s[i:])
		if ok != (want != nil) || ok && (words != want[1] || paren != want[2]) {
			t.Fatalf("perShareAfter(%q) = %q, %q, %v; the expression says %q", s[i:], words, paren, ok, want)
		}
	}
}

// checkCases compares the sentence's lower-casings with what they
// replaced: strings.ToLower, and a byte-for-byte copy with ASCII letters
// lowered.
func checkCases(t *testing.T, s string) {
	t.Helper()
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	lower, alow := lowerCases(s)
	if lower != strings.ToLower(s) || alow != string(b) || strings.ToUpper(alow) != strings.ToUpper(asciiUpper(s)) {
		t.Fatalf("lowerCases(%q) = %q, %q", s, lower, alow)
	}
	if got, want := lowerHasPrefix(s, "excluding "), strings.HasPrefix(strings.ToLower(s), "excluding "); got != want {
		t.Fatalf("lowerHasPrefix(%q) = %v, want %v", s, got, want)
	}
}

func sameSubmatches(got []submatch, want [][]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, w := range want {
		for j := range got[k] {
			if j < len(w) && got[k][j] != w[j] || j >= len(w) && got[k][j] != -1 {
				return false
			}
		}
	}
	return true
}

func TestScannersMatchExpressions(t *testing.T) {
	for _, s := range scanSeeds {
		for _, x := range []string{s, strings.ToUpper(s), "At " + s + " in 1998"} {
			checkScanners(t, x)
			checkAmountScanners(t, x)
			checkCases(t, x)
		}
	}
}

func TestScannersMatchExpressionsOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole corpus")
	}
	ss := corpusSentences(t)
	if len(ss) == 0 {
		t.Fatal("no sentences read from the corpus")
	}
	for _, s := range ss {
		checkScanners(t, s)
		checkAmountScanners(t, s)
		checkCases(t, s)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return // a sentence's length; the checks are quadratic
		}
		checkScanners(t, s)
		checkAmountScanners(t, s)
		checkCases(t, s)
	})
}
