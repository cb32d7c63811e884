-- The kernel catalog (issue 5): named, versioned kernel images identified by content digest.
-- Image bytes live in PostgreSQL (kernel_blobs), so an acknowledged push is as durable as a job,
-- and a standby controller or a restored backup serves the same blobs as the leader.

CREATE TABLE kernel_blobs (
    digest  text PRIMARY KEY,                 -- sha256:<hex> of data, checked before insert
    size    bigint NOT NULL,
    data    bytea NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
-- Images are compressed already (bzImage) or large (vmlinux): store out of line, uncompressed.
ALTER TABLE kernel_blobs ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE kernels (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL,
    version    text NOT NULL,
    digest     text NOT NULL REFERENCES kernel_blobs (digest),
    protocol   text NOT NULL CHECK (protocol IN ('linux', 'kitten')),
    arch       text NOT NULL,
    size       bigint NOT NULL,
    provenance json NOT NULL,                 -- as kernel-build wrote it (text kept as sent)
    created    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);
-- "latest version of a name" = the most recently registered one.
CREATE INDEX kernels_name_latest ON kernels (name, id DESC);
