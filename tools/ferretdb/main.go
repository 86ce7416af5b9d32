// Command ferretdb runs FerretDB v1 with its SQLite backend, for local development and tests.
//
// It embeds the github.com/FerretDB/FerretDB/ferretdb package instead of building
// FerretDB's own cmd/ferretdb: that command reads build/version/version.txt, a file generated
// by FerretDB's build tooling and absent from the Go module, and panics at start without it.
//
// Flags take their defaults from environment variables so that the launcher in tools/src can
// configure it either way:
//
//	-listen-addr  FERRETDB_LISTEN_ADDR  TCP address to listen on (default 127.0.0.1:27017)
//	-data-dir     FERRETDB_DATA_DIR     directory of the SQLite databases (default ./data)
//	-log-level    FERRETDB_LOG_LEVEL    debug, info, warn or error (default info)
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	listenAddr := flag.String("listen-addr", envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:27017"),
		"TCP address to listen on")
	dataDir := flag.String("data-dir", envOr("FERRETDB_DATA_DIR", "data"),
		"directory of the SQLite databases (created if missing)")
	logLevel := flag.String("log-level", envOr("FERRETDB_LOG_LEVEL", "info"),
		"log level: debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: %w", *logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// The SQLite backend wants an existing directory, as a "file:" URI ending with a slash.
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sqliteURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/", OmitHost: true}).String()

	// FerretDB itself listens on a private Unix socket; the write gate (gate.go) takes the public
	// address and makes single-document writes atomic, as they are on MongoDB.
	socket := filepath.Join(dir, "ferretdb.sock")
	_ = os.Remove(socket)
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return err
	}

	// SIGTERM comes from `pnpm infra down`; SIGINT from a terminal. Either one closes the
	// listener and the SQLite databases cleanly before exit.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Info("starting FerretDB", "listen", *listenAddr, "sqlite", sqliteURL)
	errs := make(chan error, 2)
	go func() { errs <- f.Run(ctx) }()
	go func() {
		g := &gate{upstreamNetwork: "unix", upstreamAddr: socket, logger: logger}
		errs <- g.serve(ctx, *listenAddr)
	}()
	err = <-errs
	stop()
	return err
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
