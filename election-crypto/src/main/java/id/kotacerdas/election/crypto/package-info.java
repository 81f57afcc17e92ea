/** Verifiable-election cryptography: see the module README. */
package id.kotacerdas.election.crypto;
