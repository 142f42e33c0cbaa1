package io.invoiceflow.web.api;

/** Sends one command to the write side and returns its result; refusals are DomainExceptions. */
public interface CommandDispatcher {
    <R> R send(Object command, Caller caller, String requestId);
}
