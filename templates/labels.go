package templates

import (
	"path"
	"regexp"
	"sort"
	"strings"
)

var footnoteMark = regexp.MustCompile(`\(\s*(?:\d|[a-zA-Z])\s*\)|\*+`)

// NormalizeLabel folds a reported label for comparison: lower case, "&" read
// as "and", footnote marks such as "(1)" and "*" dropped, every other
// punctuation mark turned into a space, and spaces folded.
func NormalizeLabel(s string) string {
	s = footnoteMark.ReplaceAllString(s, " ")
	return fold(s, false)
}

func normalizePattern(s string) string {
	return fold(s, true)
}

func fold(s string, keepStar bool) string {
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	var b strings.Builder
	space := false
	for _, c := range s {
		keep := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || keepStar && c == '*'
		if c == '\'' || c == '\u2019' {
			continue // stockholders' = stockholders
		}
		if !keep {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
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
	candidates := []string{NormalizeLabel(label)}
	if section != "" {
		candidates = append(candidates, NormalizeLabel(section+" "+label))
	}
	for _, text := range candidates {
		if text == "" {
			continue
		}
		for _, pattern := range []bool{false, true} {
			for i := range s.Synonyms {
				syn := &s.Synonyms[i]
				if syn.Prose || syn.Pattern != pattern {
					continue
				}
				if syn.Label == text || pattern && globMatch(syn.Label, text) {
					return Match{Items: syn.Items, Loss: syn.Loss, Synonym: syn}, true
				}
			}
		}
	}
	return Match{}, false
}

func globMatch(pattern, text string) bool {
	ok, err := path.Match(pattern, text)
	return err == nil && ok
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
}

// ProsePhrases lists the phrases that name items in prose, longest first,
// so that "net revenues" wins over "revenues": the prose: synonyms and the
// names of the metrics.
func (s *Set) ProsePhrases() []ProsePhrase {
	return s.prose
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
		out[i].Regexp = regexp.MustCompile(`(?i)\b` + strings.ReplaceAll(regexp.QuoteMeta(out[i].Words), " ", `\W+`) + `\b`)
	}
	s.prose = out
}
