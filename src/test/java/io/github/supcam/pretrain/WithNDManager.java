package io.github.supcam.pretrain;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One base NDManager per test class and a sub-manager {@link #m} per test, closed after it like a training step's. */
abstract class WithNDManager {
	private static NDManager base;
	protected NDManager m;

	@BeforeAll
	static void startEngine() {
		base = NDManager.newBaseManager();
	}

	@AfterAll
	static void stopEngine() {
		base.close();
	}

	@BeforeEach
	void openStep() {
		m = base.newSubManager();
	}

	@AfterEach
	void closeStep() {
		m.close();
	}
}
