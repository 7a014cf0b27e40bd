package dev.facemark.core.model;

/** A model file whose contract is missing or malformed; the message names the key and the fix. */
public class ContractException extends RuntimeException {
    public ContractException(String message) { super(message); }
    public ContractException(String message, Throwable cause) { super(message, cause); }
}
