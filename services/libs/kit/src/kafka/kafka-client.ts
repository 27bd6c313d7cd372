import type {
  Admin,
  AdminConfig,
  Consumer,
  ConsumerConfig,
  Producer,
  ProducerConfig,
} from 'kafkajs';

/** The narrow slice of kafkajs the kit uses; a kafkajs `Kafka` instance is one. */
export interface KafkaClient {
  consumer(config: ConsumerConfig): Consumer;
  producer(config?: ProducerConfig): Producer;
  admin(config?: AdminConfig): Admin;
}
