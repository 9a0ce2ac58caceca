package templates

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeLabel folds a reported label for comparison: lower case, "&" read
// as "and", footnote marks such as "(1)" and "*" dropped, every other
// punctuation mark turned into a space, and spaces folded.
func NormalizeLabel(s string) string {
	return fold(dropFootnotes(s), false)
}

// dropFootnotes blanks "(1)", "( a )" and runs of "*".
func dropFootnotes(s string) string {
	if !strings.ContainsAny(s, "(*") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '*':
			b[i] = ' '
		case '(':
			j := i + 1
			for j < len(b) && b[j] == ' ' {
				j++
			}
			if j < len(b) && isAlnum(b[j]) {
				k := j + 1
				for k < len(b) && b[k] == ' ' {
					k++
				}
				if k < len(b) && b[k] == ')' {
					for x := i; x <= k; x++ {
						b[x] = ' '
					}
				}
			}
		}
	}
	return string(b)
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func normalizePattern(s string) string {
	return fold(s, true)
}

// fold lower-cases s rune by rune, reads "&" as " and ", drops
// apostrophes and folds every other mark and space into one space, in one
// pass: text already folded is returned as it is.
func fold(s string, keepStar bool) string {
	if isFolded(s, keepStar) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := false
	put := func(c rune) {
		keep := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || keepStar && c == '*'
		if c == '\'' || c == '\u2019' {
			return // stockholders' = stockholders
		}
		if !keep {
			space = true
			return
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(byte(c)) // kept runes are ASCII
	}
	for _, c := range s {
		switch {
		case c == '&':
			put(' ')
			put('a')
			put('n')
			put('d')
			put(' ')
		case c >= 'A' && c <= 'Z':
			put(c + 'a' - 'A')
		case c >= utf8.RuneSelf:
			put(unicode.ToLower(c)) // as strings.ToLower: the Kelvin sign is a k
		default:
			put(c)
		}
	}
	return b.String()
}

// isFolded: lower-case letters and digits (and stars for a pattern) in
// words set one space apart, which folding leaves as they are.
func isFolded(s string, keepStar bool) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', keepStar && c == '*':
		case c == ' ' && s[i+1] != ' ':
		default:
			return false
		}
	}
	return true
}

// Match is the result of mapping a reported label.
type Match struct {
	Items   []string
	Loss    bool
	Synonym *Synonym
}

// Lookup maps a reported row label, under its section heading, to canonical
// items: exact synonyms first, then patterns, on the label alone and then on
// "section label". ok is false for an unmapped row.
func (s *Set) Lookup(label, section string) (Match, bool) {
	if m, ok := s.lookup(NormalizeLabel(label)); ok {
		return m, true
	}
	if section != "" {
		return s.lookup(NormalizeLabel(section + " " + label)) // only once the label alone maps to nothing
	}
	return Match{}, false
}

// lookup maps a normalised text: its exact synonym, else the first
// pattern it matches. A pattern needing a letter the text lacks is not
// tried.
func (s *Set) lookup(text string) (Match, bool) {
	if text == "" {
		return Match{}, false
	}
	if i, ok := s.exact[text]; ok {
		syn := &s.Synonyms[i]
		return Match{Items: syn.Items, Loss: syn.Loss, Synonym: syn}, true
	}
	has := lettersOf(text)
	for _, g := range s.globs {
		if g.letters&^has == 0 && g.match(text) {
			syn := &s.Synonyms[g.synonym]
			return Match{Items: syn.Items, Loss: syn.Loss, Synonym: syn}, true
		}
	}
	return Match{}, false
}

// lettersOf sets a bit for each lower-case letter and digit of s: a
// pattern's parts can only appear in a text holding all of theirs.
func lettersOf(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << (26 + c - '0')
		}
	}
	return m
}

// glob is a synonym pattern split at its stars: "*per *share*basic" is
// "", "per ", "share", "basic". A text matches when the parts appear in
// order, the first at the start and the last at the end.
type glob struct {
	parts   []string
	synonym int
	letters uint64 // lettersOf its parts
}

func (g glob) match(text string) bool {
	parts := g.parts
	if !strings.HasPrefix(text, parts[0]) {
		return false
	}
	text = text[len(parts[0]):]
	last := len(parts) - 1
	for _, p := range parts[1:last] {
		i := strings.Index(text, p)
		if i < 0 {
			return false
		}
		text = text[i+len(p):]
	}
	return last == 0 && text == "" || last > 0 && strings.HasSuffix(text, parts[last])
}

// indexSynonyms builds the lookup tables: exact labels by text (the first
// definition wins) and patterns in file order.
func (s *Set) indexSynonyms() {
	s.exact = map[string]int{}
	s.globs = nil
	for i, syn := range s.Synonyms {
		switch {
		case syn.Prose:
		case syn.Pattern:
			s.globs = append(s.globs, glob{parts: strings.Split(syn.Label, "*"), synonym: i, letters: lettersOf(syn.Label)})
		default:
			if _, dup := s.exact[syn.Label]; !dup {
				s.exact[syn.Label] = i
			}
		}
	}
}

// ProsePhrase is a phrase that names an item or metric in a sentence.
type ProsePhrase struct {
	Words  string // normalised
	ID     string
	Metric bool
	Loss   bool
	// Regexp finds the phrase in a sentence, whole words, any case,
	// any punctuation between words.
	Regexp *regexp.Regexp
	// FirstWord is the phrase's first word: a sentence without it cannot
	// hold the phrase.
	FirstWord string
	// Lower matches the phrase at the start of a text whose ASCII
	// letters are lower case (anchored: it is tried only where FirstWord
	// stands); nil for a phrase with other letters.
	Lower *regexp.Regexp
}

// ProsePhrases lists the phrases that name items in prose, longest first,
// so that "net revenues" wins over "revenues": the prose: synonyms and the
// names of the metrics.
func (s *Set) ProsePhrases() []ProsePhrase {
	return s.prose
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] >= 'A' && s[i] <= 'Z' {
			return false
		}
	}
	return true
}

func (s *Set) buildProsePhrases() {
	var out []ProsePhrase
	for _, syn := range s.Synonyms {
		if syn.Prose {
			out = append(out, ProsePhrase{Words: syn.Label, ID: syn.Items[0], Loss: syn.Loss})
		}
	}
	for _, m := range s.Metrics {
		out = append(out, ProsePhrase{Words: NormalizeLabel(m.Name), ID: m.ID, Metric: true})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Words) > len(out[j].Words) })
	for i := range out {
		out[i].FirstWord, _, _ = strings.Cut(out[i].Words, " ")
		expr := `\b` + strings.ReplaceAll(regexp.QuoteMeta(out[i].Words), " ", `\W+`) + `\b`
		out[i].Regexp = regexp.MustCompile(`(?i)` + expr)
		if isLowerASCII(out[i].Words) {
			out[i].Lower = regexp.MustCompile(`^` + strings.TrimPrefix(expr, `\b`))
		}
	}
	s.prose = out
}
