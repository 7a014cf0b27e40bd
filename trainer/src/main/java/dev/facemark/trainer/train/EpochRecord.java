package dev.facemark.trainer.train;

/** One line of a run's history: the epoch's mean training loss, validation loss and NME, and speed. */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double valNme, double lr,
                          double imagesPerSecond, double seconds) {

    public static final String CSV_HEADER = "epoch,train_loss,val_loss,val_nme,lr,images_per_s,seconds";

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3e,%.1f,%.1f",
                epoch, trainLoss, valLoss, valNme, lr, imagesPerSecond, seconds);
    }
}
