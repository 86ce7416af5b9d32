package main

// FerretDB v1 updates a document by reading it, applying the operators, and writing the whole
// document back by _id, with no check that it is unchanged. Two concurrent updates of one
// document therefore lose one of them (25 concurrent $inc end at 3), and a conditional update can
// win twice. MongoDB guarantees single-document atomicity, and Vitrine relies on it (stock
// reservations, coupon redemptions, the event outbox). The write gate restores that guarantee
// locally: it stands in front of FerretDB on the public address, passes every message through,
// and lets one write command (insert, update, delete, findAndModify) run at a time across all
// connections. Reads are never held back. It is a local-development measure only: production
// runs MongoDB.

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
)

const (
	opMsg        = 2013
	opQuery      = 2004
	headerSize   = 16
	maxMessage   = 48 << 20 // MongoDB's maxMessageSizeBytes
	moreToCome   = 1 << 1
	flagBitsSize = 4
)

var writeCommands = map[string]bool{"insert": true, "update": true, "delete": true, "findandmodify": true}

// gate serializes write commands between clients and an upstream FerretDB listener.
type gate struct {
	upstreamNetwork string
	upstreamAddr    string
	logger          *slog.Logger
	writes          sync.Mutex
}

func (g *gate) serve(ctx context.Context, listenAddr string) error {
	ln, err := net.Listen("tcp", listenAddr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		go g.handle(conn)
	}
}

type message struct {
	raw    []byte
	opCode int32
}

func readMessage(r *bufio.Reader) (message, error) {
	header := make([]byte, headerSize)
	if _, err := io.ReadFull(r, header); err != nil {
		return message{}, err
	}
	length := int32(binary.LittleEndian.Uint32(header[0:4]))
	if length < headerSize || length > maxMessage {
		return message{}, fmt.Errorf("invalid message length %d", length)
	}
	raw := make([]byte, length)
	copy(raw, header)
	if _, err := io.ReadFull(r, raw[headerSize:]); err != nil {
		return message{}, err
	}
	return message{raw: raw, opCode: int32(binary.LittleEndian.Uint32(header[12:16]))}, nil
}

// flags of an OP_MSG (zero for other messages).
func (m message) flags() uint32 {
	if m.opCode != opMsg || len(m.raw) < headerSize+flagBitsSize {
		return 0
	}
	return binary.LittleEndian.Uint32(m.raw[headerSize : headerSize+flagBitsSize])
}

// command is the first key of an OP_MSG body (section kind 0): the command's name.
func (m message) command() string {
	body := headerSize + flagBitsSize
	// kind byte, then a BSON document: int32 size, then elements: type byte, cstring name, ...
	if m.opCode != opMsg || len(m.raw) < body+1+4+2 || m.raw[body] != 0 {
		return ""
	}
	name := m.raw[body+1+4+1:]
	end := 0
	for end < len(name) && name[end] != 0 {
		end++
	}
	return strings.ToLower(string(name[:end]))
}

// expectsReply is false for fire-and-forget messages (OP_MSG with moreToCome).
func (m message) expectsReply() bool {
	switch m.opCode {
	case opMsg:
		return m.flags()&moreToCome == 0
	case opQuery:
		return true
	default:
		return false
	}
}

func (g *gate) handle(client net.Conn) {
	defer client.Close()
	upstream, err := net.Dial(g.upstreamNetwork, g.upstreamAddr)
	if err != nil {
		g.logger.Error("write gate cannot reach FerretDB", "error", err)
		return
	}
	defer upstream.Close()
	fromClient := bufio.NewReader(client)
	fromUpstream := bufio.NewReader(upstream)
	for {
		request, err := readMessage(fromClient)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				g.logger.Debug("client connection ended", "error", err)
			}
			return
		}
		if err := g.roundTrip(request, upstream, fromUpstream, client); err != nil {
			g.logger.Debug("connection ended", "error", err)
			return
		}
	}
}

// roundTrip forwards one request and its replies (several while a reply says moreToCome),
// holding the write lock for the whole exchange when the request is a write command.
func (g *gate) roundTrip(request message, upstream net.Conn, fromUpstream *bufio.Reader, client net.Conn) error {
	if writeCommands[request.command()] {
		g.writes.Lock()
		defer g.writes.Unlock()
	}
	if _, err := upstream.Write(request.raw); err != nil {
		return err
	}
	if !request.expectsReply() {
		return nil
	}
	for {
		reply, err := readMessage(fromUpstream)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply.raw); err != nil {
			return err
		}
		if reply.flags()&moreToCome == 0 {
			return nil
		}
	}
}
