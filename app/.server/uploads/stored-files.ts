// Files people upload (donation photos, session resources): the type is decided
// from the file's first bytes, never from its name or the browser's claimed type,
// and each is stored flat in the uploads folder under a random name, so nothing
// the uploader typed ever reaches the file system. The backup (ops/backup.ts)
// carries every file of that folder, so whatever is stored here is backed up.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { databaseFilePath, getEnv, uploadsDirBeside } from "~/utils/env.server";

export type FileType = { type: string; ext: string; label: string; matches: (b: Uint8Array) => boolean };

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.slice(from, to));

/** An Office Open XML file is a ZIP whose entries name the application's folder. */
function officeZip(folder: string) {
  return (b: Uint8Array) => {
    if (!(b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)) return false;
    // Entry names are stored in the clear in each local header and the central directory.
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(`${folder}/`, 0, "latin1");
  };
}

export const JPEG: FileType = {
  type: "image/jpeg",
  ext: "jpg",
  label: "JPEG",
  matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};
export const PNG: FileType = {
  type: "image/png",
  ext: "png",
  label: "PNG",
  matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
};
export const WEBP: FileType = {
  type: "image/webp",
  ext: "webp",
  label: "WebP",
  matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
};
export const PDF: FileType = {
  type: "application/pdf",
  ext: "pdf",
  label: "PDF",
  matches: (b) => ascii(b, 0, 5) === "%PDF-",
};
export const DOCX: FileType = {
  type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ext: "docx",
  label: "Word",
  matches: officeZip("word"),
};
export const PPTX: FileType = {
  type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ext: "pptx",
  label: "PowerPoint",
  matches: officeZip("ppt"),
};
export const XLSX: FileType = {
  type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ext: "xlsx",
  label: "Excel",
  matches: officeZip("xl"),
};

/** The first of `allowed` the bytes are, or null. */
export function sniffFile(bytes: Uint8Array, allowed: readonly FileType[]) {
  return allowed.find((t) => t.matches(bytes)) ?? null;
}

export function uploadsDir() {
  return uploadsDirBeside(databaseFilePath(getEnv().DATABASE_URL));
}

/** Stores the bytes under a new random name (returned); readable by Dropin's own account only, like the database. */
export async function storeUpload(bytes: Uint8Array, type: FileType) {
  const fileName = `${crypto.randomBytes(16).toString("hex")}.${type.ext}`;
  await fs.mkdir(uploadsDir(), { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(uploadsDir(), fileName), bytes, { mode: 0o600 });
  return fileName;
}

/** A stored file's bytes; only the base name is used, so a stored name can never point elsewhere. */
export function readUpload(fileName: string) {
  return fs.readFile(path.join(uploadsDir(), path.basename(fileName)));
}

export async function removeUpload(fileName: string) {
  await fs.rm(path.join(uploadsDir(), path.basename(fileName)), { force: true });
}
