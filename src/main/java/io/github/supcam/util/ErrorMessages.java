package io.github.supcam.util;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The sentence a user reads for a failure. java.nio's file exceptions carry only the path as their message
 * ({@code /data/in}), which tells the user nothing about what is wrong; these get a sentence naming the path.
 * Every front end (CLI, Fiji commands, macro bridge) reports failures through {@link #describe}; jobs check their
 * inputs and outputs up front with {@link #requireFolder} and {@link #requireParent}.
 */
public final class ErrorMessages {
	private ErrorMessages() {}

	/** One line saying what went wrong, naming the file or folder concerned. */
	public static String describe(Throwable e) {
		if (e instanceof UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
		String message = e.getMessage();
		if (e instanceof NoSuchFileException f) message = missing(f.getFile());
		else if (e instanceof AccessDeniedException f) message = "No permission to read or write " + f.getFile();
		else if (e instanceof FileAlreadyExistsException f) message = f.getFile() + " already exists";
		else if (e instanceof NotDirectoryException f) message = f.getFile() + " is not a folder";
		else if (e instanceof DirectoryNotEmptyException f) message = "Folder " + f.getFile() + " is not empty";
		else if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null)
			message = "Cannot access " + f.getFile();
		if (message == null || message.isBlank()) message = e.getClass().getSimpleName();
		return message.replace('\n', ' ');
	}

	/**
	 * Checks an input folder before a job starts, so that it fails with a sentence, not later with a bare path.
	 *
	 * @param what what the folder is, for the message ("Dataset folder")
	 * @throws IllegalArgumentException "WHAT X does not exist" (or "is not a folder")
	 */
	public static void requireFolder(Path folder, String what) {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException(what + " " + folder +
			(Files.exists(folder) ? " is not a folder" : " does not exist"));
	}

	/**
	 * Checks that an output can be created where it is asked for (its parent folder exists), before a long job
	 * starts rather than when it first writes.
	 *
	 * @param what what the output is, for the message ("output model")
	 */
	public static void requireParent(Path output, String what) {
		Path parent = output.toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) throw new IllegalArgumentException("Cannot create " + what +
			" " + output + ": its folder " + parent + (Files.exists(parent) ? " is not a folder" : " does not exist"));
	}

	/** "X does not exist", or which folder on the way to X is missing. */
	private static String missing(String file) {
		if (file == null) return "A file or folder does not exist";
		Path path = Paths.get(file).toAbsolutePath();
		Path absent = path;
		for (Path p = path.getParent(); p != null && !Files.exists(p); p = p.getParent()) absent = p;
		return absent.equals(path) ? file + " does not exist" :
			"Folder " + absent + " does not exist, so " + file + " cannot be read or created there";
	}
}
