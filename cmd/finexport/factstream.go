package main

import (
	"sync"

	"finexport/extract"
)

// factStream writes the facts of a batch of releases read at once, in
// input order, as they are made: the release whose turn it is writes
// straight out; the facts of those after it wait for their turn. So a
// release of one long table is never held as facts, and a batch of small
// ones holds what it did before. A release that is the same file as one
// before it (SHA-256) writes nothing, and a note says so.
type factStream struct {
	mu     sync.Mutex
	fw     *extract.FactsWriter
	err    error                // the first write error: nothing is written after it
	turn   int                  // the input whose facts go straight out
	held   [][]extract.Fact     // by input, facts waiting for their turn
	done   []bool               // by input, read (or failed)
	sum    []string             // by input, its SHA-256 once known
	result []*extract.Filing    // by input, the filing read, nil when it failed
	errs   []error              // by input, why it could not be read
	seen   map[string]string    // SHA-256 -> the first name read, across batches
	notes  []extract.Diagnostic // same-file notes, in input order
}

func newFactStream(fw *extract.FactsWriter, n int, seen map[string]string) *factStream {
	return &factStream{fw: fw, held: make([][]extract.Fact, n), done: make([]bool, n), sum: make([]string, n),
		result: make([]*extract.Filing, n), errs: make([]error, n), seen: seen}
}

// add takes facts of input i as they are made (a slice it may not keep).
func (s *factStream) add(i int, f *extract.Filing, facts []extract.Fact) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sum[i] = f.SHA256
	if i == s.turn {
		s.write(i, facts)
		return
	}
	s.held[i] = append(s.held[i], facts...)
}

// finish takes input i's result, and hands the turn on past every input
// read in full.
func (s *factStream) finish(i int, f *extract.Filing, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done[i], s.result[i], s.errs[i] = true, f, err
	if err != nil {
		s.held[i] = nil // a release that failed writes no more facts (those already written out stay)
	}
	if f != nil {
		s.sum[i] = f.SHA256
	}
	for s.turn < len(s.done) {
		j := s.turn
		s.write(j, s.held[j]) // its turn has come: what waited goes out first
		s.held[j] = nil
		if !s.done[j] {
			return
		}
		if g := s.result[j]; g != nil {
			if first := s.seen[g.SHA256]; first != "" {
				s.notes = append(s.notes, sameFileNote(g.File, first))
				s.result[j] = nil
			} else {
				s.seen[g.SHA256] = g.File
			}
		}
		s.turn++
	}
}

// write writes input i's facts unless it is a file read before.
func (s *factStream) write(i int, facts []extract.Fact) {
	if s.err != nil || len(facts) == 0 || s.seen[s.sum[i]] != "" {
		return
	}
	s.err = s.fw.Write(facts)
}
