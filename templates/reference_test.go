package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foldRef and lookupRef are folding and look-up as they were before the
// one-pass fold and the letter gate on patterns: the new ones must equal
// them.
func foldRef(s string, keepStar bool) string {
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

func (s *Set) lookupRef(label, section string) (Match, bool) {
	candidates := []string{foldRef(dropFootnotes(label), false)}
	if section != "" {
		candidates = append(candidates, foldRef(dropFootnotes(section+" "+label), false))
	}
	for _, text := range candidates {
		if text == "" {
			continue
		}
		if i, ok := s.exact[text]; ok {
			syn := &s.Synonyms[i]
			return Match{Items: syn.Items, Loss: syn.Loss, Synonym: syn}, true
		}
		for _, g := range s.globs {
			if g.match(text) {
				syn := &s.Synonyms[g.synonym]
				return Match{Items: syn.Items, Loss: syn.Loss, Synonym: syn}, true
			}
		}
	}
	return Match{}, false
}

var labelCases = []string{
	"", " ", "Net sales", "net sales", "NET SALES (1)", "Research & development", "Stockholders' equity",
	"Stockholders’ equity", "\u212aelvin", "\u0130tem", "Basic and diluted net loss per share", "Net loss per share - basic",
	"Shares used in computing per share amounts: Basic", "Weighted average shares - diluted", "Net increase (decrease) in cash",
	"Increase in cash and cash equivalents", "a  b", "a*b", "**", "\xff\xfe", "Ärger", "x&y", "&", "Total  ", "( a ) Other",
}

// corpusLabels returns the chunks of every line of the text corpus, as
// labels and sections, each once; none when it is absent.
func corpusLabels(t *testing.T) []string {
	files, _ := filepath.Glob("../../shared/corpus/text/*")
	if len(files) == 0 {
		if os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
			t.Fatal("no corpus (FINEXPORT_REQUIRE_CORPUS=1)")
		}
		t.Log("no corpus: hand-picked labels only")
	}
	var out []string
	seen := map[string]bool{}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			for _, c := range strings.Split(line, "  ") {
				if c = strings.TrimSpace(c); c != "" && !seen[c] {
					seen[c] = true
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func checkLabel(t *testing.T, s *Set, label, section string) {
	t.Helper()
	for _, star := range []bool{false, true} {
		if got, want := fold(label, star), foldRef(label, star); got != want {
			t.Fatalf("fold(%q, %v) = %q, the reference %q", label, star, got, want)
		}
	}
	got, ok := s.Lookup(label, section)
	want, wantOK := s.lookupRef(label, section)
	if ok != wantOK || got.Synonym != want.Synonym {
		t.Fatalf("Lookup(%q, %q) = %v, the reference %v", label, section, got.Synonym, want.Synonym)
	}
}

// Every chunk of the corpus, alone and under the chunk before it as its
// section, folds and maps as the reference folds and maps it.
func TestLookupAsReference(t *testing.T) {
	s := Default()
	if m, ok := s.Lookup("Net loss per share - basic", ""); !ok || m.Synonym == nil || !m.Synonym.Pattern {
		t.Fatal("a pattern must map a label in the test")
	}
	labels := append(labelCases, corpusLabels(t)...)
	for i, l := range labels {
		checkLabel(t, s, l, "")
		if i > 0 {
			checkLabel(t, s, l, labels[i-1])
		}
	}
}

func FuzzLookupAsReference(f *testing.F) {
	for _, l := range labelCases {
		f.Add(l, "Basic")
	}
	s := Default()
	f.Fuzz(func(t *testing.T, label, section string) { checkLabel(t, s, label, section) })
}
